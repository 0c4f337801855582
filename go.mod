module github.com/rapportkit/rapport

go 1.26.0

require (
	github.com/expr-lang/expr v1.17.8
	github.com/google/go-cmp v0.7.0
	golang.org/x/text v0.43.0
)
