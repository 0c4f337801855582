package greeting

import "testing"

// Every strategy has its own slot in strategyByHash, and ParseStrategy
// reads back every name and no other.
func TestStrategyNames(t *testing.T) {
	seen := map[int]Strategy{}
	for s := Greeting; s < numStrategies; s++ {
		h := nameHash(strategyNames[s])
		if other, ok := seen[h]; ok {
			t.Fatalf("%s and %s share the hash %d: change nameHash's factors", other, s, h)
		}
		seen[h] = s
		if got, err := ParseStrategy(s.String()); got != s || err != nil {
			t.Errorf("ParseStrategy(%q) = %v, %v", s.String(), got, err)
		}
	}
	for _, name := range []string{"", "x", "Greeting", "greetings", "greetin", "apologY", "follow-up", "sarcasm", "\xff"} {
		if s, err := ParseStrategy(name); err == nil {
			t.Errorf("ParseStrategy(%q) = %v, want an error", name, s)
		}
	}
}

func FuzzParseStrategy(f *testing.F) {
	f.Add("apology")
	f.Add("")
	f.Fuzz(func(t *testing.T, name string) {
		s, err := ParseStrategy(name)
		if (err == nil) != (s != 0 && s.String() == name) {
			t.Fatalf("ParseStrategy(%q) = %v, %v", name, s, err)
		}
	})
}
