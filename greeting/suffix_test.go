package greeting

import (
	"testing"

	"golang.org/x/text/language"
)

func TestSuffixData(t *testing.T) {
	c, err := New(WithData("x.txt", []byte("language it\n[informal_address]\n-resti\n-isci\n[neutral]\nforesti\n[common]\nil la\n")))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		want   int
		reason string
	}{
		{"Vorresti un caffè? Capisci?", 2, "endings of informal verbs"},
		{"Parchi foresti e campi", 0, "a word listed whole under neutral beats the ending"},
	}
	for _, tt := range tests {
		r := c.Check(tt.text, language.Italian)
		if got := r.Count(InformalAddress); got != tt.want {
			t.Errorf("%q: %d informal markers, want %d (%s)", tt.text, got, tt.want, tt.reason)
		}
	}
}
