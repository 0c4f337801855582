package greeting_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

func TestTakesUp(t *testing.T) {
	tests := []struct {
		name        string
		lang        language.Tag
		prev, reply string
		want        float64
		reason      string
	}{
		{"answers", language.English,
			"My parcel has not arrived and the tracking page is empty.",
			"I've checked your parcel: the tracking page updates tonight and it arrives tomorrow.",
			0.8, "parcel, tracking and page are taken up, and arrived by arrives (same first four letters); empty is not"},
		{"ignores", language.English,
			"My parcel has not arrived and the tracking page is empty.",
			"Thank you for contacting us. Have a nice day!",
			0, "a reply of courtesy alone takes up nothing"},
		{"half", language.English,
			"The invoice shows the wrong address.",
			"Sorry about that! I will correct the invoice now.",
			0.25, "invoice is taken up; shows, wrong and address are not"},
		{"courtesy is not content", language.English,
			"Good morning, thanks!",
			"Anything else I can do?",
			1, "the customer's greeting and thanks carry no content words: nothing to take up"},
		{"inflection", language.Italian,
			"Il pacco non è ancora arrivato.",
			"Il suo pacco arriva domani mattina.",
			2.0 / 3, "arrivato and arriva share their first four letters, pacco is repeated; ancora is not taken up",
		},
		{"unspaced", language.Japanese,
			"荷物がまだ届きません。",
			"お荷物は明日届きます。",
			0.5, "pairs of characters: 荷物 and 届き of 荷物, 物が, だ届 and 届き are taken up; pairs of hiragana (がま, まだ, きま, ませ, せん) are endings and particles, not content",
		},
		{"empty customer message", language.English,
			"", "Hello! How can I help?",
			1, "nothing to take up reads as fully taken up"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, reply := greeting.Check(tt.prev, tt.lang), greeting.Check(tt.reply, tt.lang)
			if got := reply.TakesUp(&prev); !near(got, tt.want) {
				t.Errorf("TakesUp = %.3f, want %.3f (prev content %q, reply content %q): %s", got, tt.want, prev.Content, reply.Content, tt.reason)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestWordsAndContentStayOutOfJSON(t *testing.T) {
	r := greeting.Check("Your parcel arrives tomorrow.", language.English)
	if r.Words != 4 || len(r.Content) != 4 {
		t.Fatalf("Words = %d, Content = %q; want 4 words, all content words (arri parc tomo your)", r.Words, r.Content)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back greeting.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Words != 0 || back.Content != nil {
		t.Errorf("decoded report has Words %d, Content %q; the JSON form should carry neither", back.Words, back.Content)
	}
	if got := back.TakesUp(&r); got != 0 {
		t.Errorf("a decoded report takes up %.2f, want 0: it has no content words", got)
	}
}

func TestContentOrder(t *testing.T) {
	// Words are sorted on their first six bytes as numbers, then by their
	// bytes where those agree; a text of more words than the numbers can
	// index is sorted by bytes alone.
	var huge strings.Builder
	for i := range 70000 {
		// the numbers 10000 to 79999, out of order; their first four
		// digits are 7000 distinct content words
		fmt.Fprintf(&huge, "%d ", 10000+i*7919%70000)
	}
	tests := []struct {
		name, text string
		lang       language.Tag
		want       int // distinct content words
		reason     string
	}{
		{"shared prefixes", "приветствую приветливый привет приветствую прибыл", language.Russian, 2,
			"Cyrillic letters take two bytes: прив and приб share their first six bytes, and прив appears four times"},
		{"pairs", "荷物荷造荷物", language.Japanese, 4, "荷物 appears twice; 物荷 and 荷造, 造荷 once"},
		{"huge", huge.String(), language.English, 7000,
			"more words than 16 bits index: sorted by their bytes alone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, tt.lang)
			for i := 1; i < len(r.Content); i++ {
				if r.Content[i-1] >= r.Content[i] {
					t.Fatalf("Content not sorted and distinct at %d: %q, %q", i, r.Content[i-1], r.Content[i])
				}
			}
			if len(r.Content) != tt.want {
				t.Errorf("%d content words, want %d: %s", len(r.Content), tt.want, tt.reason)
			}
		})
	}
}
