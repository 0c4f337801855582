package ethics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/internal/testconv"
)

// bigPolicy writes a policy of n rules with conditions of the usual kinds.
func bigPolicy(n int) []byte {
	conds := []string{
		`reply.hostile`,
		`reply.has("apology") && customer.waited > duration("3m")`,
		`conversation.public && reply.politeness < 0.2`,
		`!reply.has("gratitude") && previous.hostile`,
		`reply.register == "mixed" || reply.formality < -0.5`,
		`customer.status == "former" && reply.count("greeting") == 0`,
		`reply.words > 120 && !reply.has("follow_up")`,
		`reply.greeting != "" && !reply.greeting_fits`,
	}
	var b strings.Builder
	b.WriteString("policy big \"A big policy\"\n")
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&b, "principle p%d \"Principle %d\"\n", i/10, i/10)
		}
		fmt.Fprintf(&b, "  rule r%d major warn\n    when %s\n    message \"rule %d: {{ reply.politeness }}\"\n", i, conds[i%len(conds)], i)
	}
	return []byte(b.String())
}

func BenchmarkEvaluate(b *testing.B) {
	b.Run("default/espresso", func(b *testing.B) {
		p, c := ethics.Default(), testconv.Load(b, "espresso")
		p.Evaluate(c) // warm up the checker's tables
		b.ReportAllocs()
		for b.Loop() {
			p.Evaluate(c)
		}
	})
	b.Run("200-rules/10-turns", func(b *testing.B) {
		p, err := ethics.Parse("big.policy", bigPolicy(200))
		if err != nil {
			b.Fatal(err)
		}
		c := testconv.Load(b, "ten-turns")
		p.Evaluate(c)
		b.ReportAllocs()
		for b.Loop() {
			p.Evaluate(c)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src := bigPolicy(200)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ethics.Parse("big.policy", src); err != nil {
			b.Fatal(err)
		}
	}
}
