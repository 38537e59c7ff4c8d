from factcheck.cli import console

console()
