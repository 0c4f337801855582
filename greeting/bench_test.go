package greeting_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// A 300-byte reply of the kind a support agent writes.
var replies = map[string]string{
	"en": "Good morning Marco, thank you for your patience and sorry for the wait! I understand how frustrating " +
		"a late delivery is. I've checked your order: it left our warehouse today and you'll receive it by " +
		"Friday. I'll keep you posted, and please let me know if there is anything else I can do. Best regards",
	"it": "Buongiorno signor Rossi, la ringrazio per la pazienza e mi scusi per l'attesa! Capisco il disagio " +
		"di una consegna in ritardo. Ho controllato il suo ordine: è partito oggi dal magazzino e lo riceverà " +
		"entro venerdì. La terrò aggiornato; mi faccia sapere se posso fare altro. Cordiali saluti",
}

func BenchmarkCheck(b *testing.B) {
	greeting.Check("warm up", language.English) // build the tables outside the timing
	for lang, text := range replies {
		tag := language.MustParse(lang)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				greeting.Check(text, tag)
			}
		})
	}
	b.Run("detect", func(b *testing.B) {
		text := replies["it"]
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			greeting.Check(text, language.Und)
		}
	})
	for _, kb := range []int{10, 100, 1000} {
		text := strings.Repeat(replies["en"]+" ", kb<<10/len(replies["en"])+1)[:kb<<10]
		b.Run(fmt.Sprintf("en-%dKB", kb), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				greeting.Check(text, language.English)
			}
		})
	}
}
