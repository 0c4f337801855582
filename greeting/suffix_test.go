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

func TestKeepAccentsData(t *testing.T) {
	data := "language vi\naccents keep\n[gratitude]\ncảm ơn\n[formal_address]\nạ\n[common]\ncủa là\n"
	c, err := New(WithData("vi.txt", []byte(data)))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Check("Dạ, cảm ơn anh ạ.", language.Vietnamese)
	if !r.Has(Gratitude) || r.Count(FormalAddress) != 1 {
		t.Errorf("accented phrases missed: %+v", r.Markers)
	}
	if r := c.Check("Cam on a", language.Vietnamese); r.Has(Gratitude) || r.Has(FormalAddress) {
		t.Errorf("unaccented words matched accented phrases: %+v", r.Markers)
	}
}
