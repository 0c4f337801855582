package greeting

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestZZShow(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("ZZ"), "|") {
		tag := language.English
		if l, txt, ok := strings.Cut(s, ":"); ok && len(l) == 2 {
			tag, s = language.MustParse(l), txt
		}
		r := Default().Check(s, tag)
		fmt.Printf("%q courtesy=%v content=%q\n", s, r.CourtesyOnly, r.Content)
		if os.Getenv("M") != "" {
			for _, m := range r.Markers {
				fmt.Printf("   %s %q\n", m.Strategy, m.Text)
			}
		}
	}
}
