package ethics_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
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

// tenTurns is a conversation of five customer messages and five replies.
func tenTurns() rapport.Conversation {
	var c rapport.Conversation
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("", 3600))
	for i := 0; i < 5; i++ {
		c.Messages = append(c.Messages,
			rapport.Message{Role: rapport.RoleCustomer, Text: "Hello, my order 4411 has not arrived yet and I need it for Friday. Can you check?", At: start.Add(time.Duration(2*i) * time.Minute)},
			rapport.Message{Role: rapport.RoleAgent, Text: "Good morning, thanks for waiting! I've checked order 4411: it ships today and arrives Thursday. I'll keep you posted.", At: start.Add(time.Duration(2*i+1) * time.Minute)})
	}
	return c
}

func BenchmarkEvaluate(b *testing.B) {
	b.Run("default/espresso", func(b *testing.B) {
		p, c := ethics.Default(), espresso(b)
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
		c := tenTurns()
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
