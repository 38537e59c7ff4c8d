from factcheck.cli import run

run()
