package greeting_test

import (
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

func TestDetectNeedsOneLanguage(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   language.Tag
		ok     bool
		reason string
	}{
		{"no letters", "42 :)", language.English, false, "nothing to go on: the first language, not detected"},
		{"shared letters", "OK!", language.English, false, "Latin letters fit a dozen languages; a tie is no evidence"},
		{"no frequent word", "Super, OK!", language.English, false, "neither word is frequent in any language's data: the script alone ties"},
		{"one frequent word", "Arriva subito!", language.Italian, true, "subito is a frequent Italian word"},
		{"a frequent word", "Arriva subito, grazie!", language.Italian, true, "grazie is a frequent Italian word"},
		{"a script of one language", "Спасибо", language.Russian, true, "of the built-in languages only Russian is written in Cyrillic"},
		{"Han with a frequent word", "谢谢", language.Chinese, true, "Han is shared by Chinese and Japanese; 谢谢 is frequent in Chinese and decides"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := greeting.Detect(tt.text)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("Detect(%q) = %v, %v; want %v, %v: %s", tt.text, got, ok, tt.want, tt.ok, tt.reason)
			}
		})
	}
}
