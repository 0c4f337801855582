package greeting_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// A reply of about 300 bytes of the kind a support agent writes, per language.
var replies = map[string]string{
	"en": "Good morning Marco, thank you for your patience and sorry for the wait! I understand how frustrating a late delivery is. I've checked your order: it left our warehouse today and you'll receive it by Friday. I'll keep you posted, and please let me know if there is anything else I can do. Best regards",
	"it": "Buongiorno signor Rossi, la ringrazio per la pazienza e mi scusi per l'attesa! Capisco il disagio di una consegna in ritardo. Ho controllato il suo ordine: è partito oggi dal magazzino e lo riceverà entro venerdì. La terrò aggiornato; mi faccia sapere se posso fare altro. Cordiali saluti",
	"es": "Buenos días, señora García: gracias por su paciencia y disculpe la espera. Entiendo lo frustrante que es un retraso. He revisado su pedido: salió hoy del almacén y lo recibirá el viernes. Le mantendré informada; no dude en escribirnos si necesita algo más. Un saludo cordial",
	"fr": "Bonjour Madame Martin, merci de votre patience et toutes nos excuses pour l'attente. Je comprends votre agacement. J'ai vérifié votre commande : elle a quitté notre entrepôt aujourd'hui et vous la recevrez vendredi. Je vous tiens informée ; n'hésitez pas à revenir vers nous. Cordialement",
	"de": "Guten Tag Frau Müller, vielen Dank für Ihre Geduld und entschuldigen Sie bitte die Wartezeit. Ich verstehe Ihren Ärger. Ich habe Ihre Bestellung geprüft: Sie hat heute unser Lager verlassen und kommt am Freitag bei Ihnen an. Ich halte Sie auf dem Laufenden. Mit freundlichen Grüßen",
	"pt": "Bom dia, senhora Silva! Obrigado pela paciência e desculpe a demora. Entendo como é frustrante um atraso. Verifiquei o seu pedido: ele saiu hoje do nosso armazém e a senhora vai recebê-lo na sexta-feira. Vou mantê-la informada; qualquer dúvida, é só nos chamar. Atenciosamente",
	"nl": "Goedemorgen mevrouw De Vries, bedankt voor uw geduld en excuses voor het wachten. Ik begrijp dat een vertraging vervelend is. Ik heb uw bestelling bekeken: die is vandaag verzonden en u ontvangt hem vrijdag. Ik houd u op de hoogte; laat het gerust weten als ik nog iets kan doen. Met vriendelijke groet",
	"ru": "Здравствуйте, Анна! Спасибо за терпение и извините за ожидание. Я проверил ваш заказ: он уже в пути, вы получите его в пятницу. С уважением",
	"hi": "नमस्ते शर्मा जी, आपके धैर्य के लिए धन्यवाद और इंतज़ार के लिए क्षमा कीजिए। आपका ऑर्डर आज निकल गया है, शुक्रवार तक मिल जाएगा।",
	"ja": "山田様、お待たせして大変申し訳ございません。ご注文の商品は本日発送いたしました。金曜日までにお届けできる見込みです。何かございましたらお気軽にお問い合わせください。今後ともよろしくお願いいたします。",
	"zh": "王先生您好，非常抱歉让您久等了！我们理解延迟给您带来的不便。您的订单今天已经从仓库发出，预计周五送达。我们会随时告知您最新进展，如有其他问题请随时联系我们。感谢您的耐心！",
	"vi": "Chào anh Minh, cảm ơn anh đã kiên nhẫn chờ và xin lỗi vì sự chậm trễ. Em hiểu việc giao hàng trễ rất phiền. Đơn hàng của anh đã rời kho hôm nay và sẽ đến trước thứ Sáu. Em sẽ cập nhật cho anh, có gì anh cứ nhắn em nhé.",
	"ko": "김민수 고객님, 안녕하세요. 오래 기다리게 해 드려 정말 죄송합니다. 주문하신 상품은 오늘 출고되었으며 금요일까지 도착할 예정입니다. 진행 상황은 계속 안내해 드리겠습니다. 감사합니다.",
}

func BenchmarkCheck(b *testing.B) {
	greeting.Check("warm up", language.English) // build the tables outside the timing
	for _, lang := range slices.Sorted(maps.Keys(replies)) {
		text := replies[lang]
		tag := language.MustParse(lang)
		b.Run(lang, func(b *testing.B) {
			greeting.Check(text, tag) // compile the language's tables before timing
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
