from claims.cli import main

main()
