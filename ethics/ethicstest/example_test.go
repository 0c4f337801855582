package ethicstest_test

import (
	"fmt"
	"testing"

	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/ethics/ethicstest"
)

// shopPolicy is a shop's policy with the tests its compliance team wrote
// beside the rules. In a real package it would live in a file such as
// testdata/shop.policy, or be embedded with go:embed.
var shopPolicy = []byte(`policy shop "Corner shop"

principle respect "Respect for every customer"
  rule no-hostility critical block
    when reply.hostile
    message "Hostile reply: {{ reply.hostile_text }}"
  rule no-shouting major warn
    when reply.has("shouting")
    message "The reply shouts."

test "the clerk who was busy"
  customer "Excuse me, do you have this in blue?"
  agent "I'm busy, wait like everyone else."
  expect respect/no-hostility
  verdict block

test "a kind answer in Italian"
  customer "Scusi, ce l'avete in blu?"
  agent "Buongiorno! Sì, glielo prendo subito."
  expect none
`)

// testShopPolicy is the body of the test a package writes:
//
//	func TestShopPolicy(t *testing.T) {
//		testShopPolicy(t)
//	}
//
// Each test of the policy file becomes a subtest of t; a failure shows the
// rules expected against those that fired, with every finding and why.
func testShopPolicy(t testing.TB, opts ...ethicstest.Option) {
	p, err := ethics.Parse("shop.policy", shopPolicy)
	if err != nil {
		t.Fatal(err)
	}
	ethicstest.Run(t, p, opts...)
}

// Both tests of the file pass, but no test reaches the no-shouting rule:
// by default that fails the test, and with AllowUncovered it is only
// logged. To show what Run reports, this example passes it a recorder
// instead of the *testing.T that go test gives TestShopPolicy.
func Example() {
	strict := &tbRecorder{}
	testShopPolicy(strict)
	fmt.Println("errors:", strict.errors)

	lenient := &tbRecorder{}
	testShopPolicy(lenient, ethicstest.AllowUncovered())
	fmt.Println("errors:", lenient.errors)
	fmt.Println("logs:", lenient.logs)
	// Output:
	// errors: [rules no test reaches: respect/no-shouting]
	// errors: []
	// logs: [rules no test reaches: respect/no-shouting]
}

// tbRecorder is a testing.TB that records errors and log lines. Only the
// methods Run calls are implemented.
type tbRecorder struct {
	testing.TB
	errors, logs []string
}

func (r *tbRecorder) Helper()           {}
func (r *tbRecorder) Error(args ...any) { r.errors = append(r.errors, fmt.Sprint(args...)) }
func (r *tbRecorder) Log(args ...any)   { r.logs = append(r.logs, fmt.Sprint(args...)) }
func (r *tbRecorder) Fatal(args ...any) { panic(fmt.Sprint(args...)) }
