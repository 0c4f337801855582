//go:build race

package main

// raceEnabled is true when the tests run under the race detector, which
// makes scoring several times slower.
const raceEnabled = true
