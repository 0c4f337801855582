package greeting_test

import (
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// A detectCase is a text and the language Detect should find in it, or
// ok false when the text should single out none.
type detectCase struct {
	name   string
	text   string
	want   language.Tag
	ok     bool
	reason string
}

func runDetectCases(t *testing.T, tests []detectCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := greeting.Detect(tt.text)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("Detect(%q) = %v, %v; want %v, %v: %s", tt.text, got, ok, tt.want, tt.ok, tt.reason)
			}
		})
	}
}

func TestDetectNeedsOneLanguage(t *testing.T) {
	tests := []detectCase{
		{"no letters", "42 :)", language.English, false, "nothing to go on: the first language, not detected"},
		{"shared letters", "OK!", language.English, false, "Latin letters fit a dozen languages; a tie is no evidence"},
		{"no frequent word", "Super, OK!", language.English, false, "neither word is frequent in any language's data: the script alone ties"},
		{"one frequent word", "Arriva subito!", language.Italian, true, "subito is a frequent Italian word"},
		{"a frequent word", "Arriva subito, grazie!", language.Italian, true, "grazie is a frequent Italian word"},
		{"a script of one language", "Спасибо", language.Russian, true, "of the built-in languages only Russian is written in Cyrillic"},
		{"Han with a frequent word", "谢谢", language.Chinese, true, "Han is shared by Chinese and Japanese; 谢谢 is frequent in Chinese and decides"},
		{"a word of the language alone", "Arriva!", language.English, false, "arriva is no frequent word of any language, and its letters are everyone's"},
		{"a name", "Maria Rossi", language.English, false, "a name is no evidence of a language"},
		{"a name with a marked letter", "Müller", language.English, false, "a capitalised word alone is most likely a name: its ü does not vote"},
		{"a name with ñ", "Muñoz?", language.English, false, "ñ in a name standing alone does not vote"},
		{"a number", "1.234,56 €", language.English, false, "digits and a currency sign: nothing to go on"},
		{"shared words that tie", "La casa", language.English, false, "la and casa are frequent in Spanish and Italian alike: a tie"},
	}
	runDetectCases(t, tests)
}

// TestDetectSharedWordsAndLetters checks short lines whose words are all
// shared with other languages: the frequent words two or three languages
// share vote a share for each, and letters or marks few languages use (¿,
// ñ, ì, œ, ơ) vote too, so the line is found; where several languages fit,
// the one that fits best wins, and English words in a line of another
// language do not pull it over.
func TestDetectSharedWordsAndLetters(t *testing.T) {
	tests := []detectCase{
		{"es question mark", "¿Qué le dijo su padre?", language.Spanish, true, "¿ opens only Spanish questions; que, le and su are Spanish among others"},
		{"es shared words", "Me gusta la casa de mi tía", language.Spanish, true, "me, la, de, mi and casa are each shared, but Spanish lists all of them"},
		{"es exclamation mark", "¡Qué bonito!", language.Spanish, true, "¡ opens only Spanish exclamations"},
		{"es not pt or it", "Mi hijo no está en casa", language.Spanish, true, "mi is Spanish and Italian, está Spanish and Portuguese, en Spanish and not Italian or Portuguese"},
		{"pt shared words", "Eu acho que o irmão dela trabalha aqui", language.Portuguese, true, "eu, o and aqui are Portuguese; ã is Portuguese or Vietnamese"},
		{"pt not es", "A mãe do Pedro é professora", language.Portuguese, true, "do and ã are Portuguese; a and é are everyone's"},
		{"pt not it", "Sua filha canta sempre", language.Portuguese, false, "sua and sempre are Italian as much as Portuguese: a tie"},
		{"it grave accents", "Se ne va così, senza una parola", language.Italian, true, "così and its ì are Italian; se, ne, va and una are shared"},
		{"it not es", "Ci vediamo da lei", language.Italian, true, "ci is Italian; da and lei tip no other language"},
		{"it not fr", "Non lo so", language.Italian, true, "non is Italian and French, lo Italian and Spanish, so Italian, English and German: only Italian has all three"},
		{"fr ligature", "Le chat de ma sœur", language.French, true, "œ is French; le, de and ma are shared"},
		{"fr not it", "Il ne sait pas", language.French, true, "il and ne are French and Italian; pas is French only"},
		{"nl not en", "Is de trein al weg?", language.Dutch, true, "is is English and Dutch, de and al Dutch among others: Dutch has all three"},
		{"nl not de", "Wie is er?", language.Dutch, true, "wie is Dutch and German, but is and er are Dutch, not German (ist)"},
		{"de shared words", "Was machst du da?", language.German, true, "was is English, Dutch and German, du German and French: only German has both"},
		{"de letters", "Schöne Grüße aus Köln", language.German, true, "ö, ü and ß are German; Köln is a name and does not count"},
		{"vi tone marks", "Bố mẹ tôi ở Huế", language.Vietnamese, true, "ố, ẹ, ô, ở are Vietnamese letters; Huế is a name"},
		{"en with a Spanish name", "Please call Mr. Muñoz back", language.English, true, "the ñ of a name within a sentence does not vote"},
		{"en with a loanword", "The café was closed", language.English, true, "é is everyone's, and the and was are English"},
		{"it with English words", "Il nostro team lavora con il cloud", language.Italian, true, "team and cloud are no frequent English words; il, con and nostro are Italian"},
		{"es with English words", "El email de su jefe", language.Spanish, true, "email is no frequent word; el, de and su are Spanish"},
	}
	runDetectCases(t, tests)
}
