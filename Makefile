.PHONY: run test test-sqlite e2e benchmark routes

run:            ## run the server with the demo workspace on SQLite
	swift run commissioner serve

test:           ## the whole suite, both databases and end to end
	scripts/test

test-sqlite:    ## quick loop: SQLite only, no browser
	TEST_DATABASES=sqlite swift test

e2e:            ## browser, command line and two servers (needs TEST_POSTGRES_URL)
	scripts/e2e

benchmark:      ## start-to-ready and the signed-in home page under wrk
	scripts/benchmark-startup
	scripts/benchmark-home

routes:         ## list every route
	swift run commissioner routes
