package match

import "testing"

// Texts of about 300 bytes in scripts the tokenizer treats differently.
var benchTexts = []struct{ name, text string }{
	{"latin", "Guten Tag Frau Müller, vielen Dank für Ihre Geduld und entschuldigen Sie bitte die Wartezeit. Ich verstehe Ihren Ärger. Ich habe Ihre Bestellung geprüft: Sie hat heute unser Lager verlassen und kommt am Freitag bei Ihnen an. Ich halte Sie auf dem Laufenden. Mit freundlichen Grüßen"},
	{"devanagari", "नमस्ते शर्मा जी, आपके धैर्य के लिए धन्यवाद और इंतज़ार के लिए क्षमा कीजिए। आपका ऑर्डर आज निकल गया है, शुक्रवार तक मिल जाएगा।"},
	{"kana", "山田様、お待たせして大変申し訳ございません。ご注文の商品は本日発送いたしました。金曜日までにお届けできる見込みです。何かございましたらお気軽にお問い合わせください。"},
	{"fullwidth", "ＡＢＣ　ｄｅｆ！！　ﾃｽﾄです。①②③ ﬁne ㎏"},
}

func BenchmarkReset(b *testing.B) {
	for _, bt := range benchTexts {
		b.Run(bt.name, func(b *testing.B) {
			var t Text
			b.ReportAllocs()
			b.SetBytes(int64(len(bt.text)))
			for b.Loop() {
				t.Reset(bt.text)
			}
		})
	}
}
