"""What happens to the written site: region bodies rendered in workers, the search
index, and trimmed, minified assets."""
