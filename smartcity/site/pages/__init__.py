"""One object per page type: region and national pages, their context, description and
search and sitemap flags, and the renderer that lays each out with its template."""
