"""Check region files: `python scripts/validate.py [--format text|json|github] [--lang id|en] [FILE…]`."""



from smartcity.validation.cli import run

if __name__ == "__main__":
    run()
