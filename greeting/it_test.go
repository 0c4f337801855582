package greeting_test

import (
	"fmt"
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// itWant is what an Italian message must read as. Zero fields are not
// asserted.
type itWant struct {
	has   []greeting.Strategy       // strategies that must be found
	not   []greeting.Strategy       // strategies that must not be found
	count map[greeting.Strategy]int // exact number of markers of a strategy

	hostile *bool    // Report.Hostile
	above   *float64 // Politeness must be greater than this
	below   *float64 // Politeness must be less than this

	register *greeting.Register

	greeting     *string // text of the greeting; "" means there must be none
	greetingPart *greeting.PartOfDay
	closing      *string // text of the closing; "" means there must be none
	closingPart  *greeting.PartOfDay
}

type itCase struct {
	name   string
	text   string
	want   itWant
	reason string
}

func itPtr[T any](v T) *T { return &v }

var (
	itYes     = itPtr(true)
	itNo      = itPtr(false)
	itPolite  = itPtr(0.0) // as above: reads as polite
	itRude    = itPtr(0.0) // as below: reads as impolite
	itFormal  = itPtr(greeting.Formal)
	itInform  = itPtr(greeting.Informal)
	itMixed   = itPtr(greeting.Mixed)
	itUnknown = itPtr(greeting.Unknown)
	itNone    = itPtr("")
)

type itS = []greeting.Strategy

const (
	itGreeting     = greeting.Greeting
	itClosing      = greeting.Closing
	itGratitude    = greeting.Gratitude
	itApology      = greeting.Apology
	itPlease       = greeting.Please
	itDeference    = greeting.Deference
	itHedge        = greeting.Hedge
	itIndirect     = greeting.Indirect
	itEmpathy      = greeting.Empathy
	itReassurance  = greeting.Reassurance
	itFollowUp     = greeting.FollowUp
	itName         = greeting.PersonalName
	itFormalAddr   = greeting.FormalAddress
	itInformalAddr = greeting.InformalAddress
	itQuestion     = greeting.DirectQuestion
	itCommand      = greeting.Command
	itBlame        = greeting.Blame
	itDismissal    = greeting.Dismissal
	itImpatience   = greeting.Impatience
	itInsult       = greeting.Insult
	itProfanity    = greeting.Profanity
	itShouting     = greeting.Shouting
	itCanned       = greeting.Canned
	itCriticism    = greeting.Criticism
	itFactuality   = greeting.Factuality
	itDirectStart  = greeting.DirectStart
)

// itHostile lists the strategies that make a message hostile.
var itHostile = itS{itCommand, itBlame, itDismissal, itImpatience, itInsult, itProfanity, itShouting}

var italianCases = []itCase{
	// The seed story, in the Milan bar where it happened.
	{"seed barman", "Sto lavorando, deve aspettare come tutti gli altri!",
		itWant{has: itS{itDismissal, itCommand}, not: itS{itGratitude, itApology, itReassurance, itPlease}, hostile: itYes, below: itRude},
		"the seed story: busy, ordering, and lumping the customer with everyone"},
	{"seed better reply", "Mi scusi per l'attesa, arriva subito! Grazie per la pazienza.",
		itWant{has: itS{itApology, itReassurance, itGratitude}, not: append(itS{itCriticism, itDirectStart}, itHostile...), hostile: itNo, above: itPtr(0.3), register: itFormal},
		"the seed story's better reply, in the Lei form"},

	// Greetings and the part of day they name.
	{"buongiorno", "Buongiorno, come posso aiutarla?",
		itWant{has: itS{itGreeting}, greeting: itPtr("Buongiorno"), greetingPart: itPtr(greeting.Day), closing: itNone, register: itFormal, hostile: itNo},
		"buongiorno names the daytime; aiutarla is the Lei form"},
	{"buonasera", "Buonasera signora Bianchi, il tavolo è pronto.",
		itWant{has: itS{itGreeting, itName, itReassurance}, greeting: itPtr("Buonasera"), greetingPart: itPtr(greeting.Evening), hostile: itNo},
		"buonasera names the evening; signora + surname is a personal name"},
	{"buon pomeriggio", "Buon pomeriggio! La sua pratica è in lavorazione.",
		itWant{has: itS{itGreeting, itFormalAddr}, greeting: itPtr("Buon pomeriggio"), greetingPart: itPtr(greeting.Afternoon)},
		"buon pomeriggio names the afternoon; la sua pratica is the reader's case"},
	{"buondì", "Buondì! Cosa le preparo?",
		itWant{has: itS{itGreeting, itFormalAddr}, greeting: itPtr("Buondì"), greetingPart: itPtr(greeting.Day), register: itFormal},
		"the barista's buondì keeps its accent in the report; cosa le preparo is Lei"},
	{"ciao opens", "Ciao Marco! Dimmi pure.",
		itWant{has: itS{itGreeting, itName, itInformalAddr}, not: itS{itClosing}, greeting: itPtr("Ciao"), closing: itNone, register: itInform},
		"ciao at the start is a greeting, not a leave-taking; the name after it is found"},
	{"ciao with thanks closes", "Grazie e ciao!",
		itWant{has: itS{itClosing, itGratitude}, not: itS{itGreeting}, greeting: itNone, closing: itPtr("Grazie e ciao"), register: itInform},
		"after thanks, ciao is a goodbye"},

	// Closings.
	{"cordiali saluti", "La pratica è chiusa. Cordiali saluti",
		itWant{has: itS{itClosing}, closing: itPtr("Cordiali saluti"), register: itFormal, hostile: itNo},
		"the standard formal sign-off of an email"},
	{"buonanotte", "Buonanotte e grazie!",
		itWant{has: itS{itClosing, itGratitude}, closingPart: itPtr(greeting.Night), greeting: itNone},
		"buonanotte is a leave-taking that names the night"},
	{"buona serata", "Ecco il resto, buona serata!",
		itWant{has: itS{itClosing}, closing: itPtr("buona serata"), closingPart: itPtr(greeting.Evening), not: itHostile},
		"a wish for the evening closes"},
	{"arrivederla", "La ringrazio, arrivederLa.",
		itWant{has: itS{itClosing, itGratitude, itFormalAddr}, register: itFormal, above: itPolite},
		"ArrivederLa with its capital L is the formal goodbye"},

	// Gratitude, apology, please.
	{"gratitude formal", "La ringrazio per la segnalazione.",
		itWant{has: itS{itGratitude, itFormalAddr}, register: itFormal, above: itPolite},
		"la ringrazio thanks in the Lei form"},
	{"gratitude informal", "Ti ringrazio, sei stato gentilissimo.",
		itWant{has: itS{itGratitude, itInformalAddr, itDeference}, register: itInform, above: itPolite},
		"ti ringrazio thanks in the tu form"},
	{"apology", "Ci scusiamo per il ritardo nella consegna.",
		itWant{has: itS{itApology}, not: itS{itCanned}, hostile: itNo},
		"an apology that names the problem is not a stock phrase"},
	{"apology informal", "Scusami, mi sono dimenticato del tuo ordine.",
		itWant{has: itS{itApology, itInformalAddr}, register: itInform},
		"scusami is the tu form of sorry"},
	{"please", "Mi può mandare il numero d'ordine, per cortesia?",
		itWant{has: itS{itPlease, itFormalAddr}, register: itFormal, hostile: itNo},
		"per cortesia; mi può mandare is Lei"},
	{"please formal", "La prego di attendere in linea.",
		itWant{has: itS{itPlease}, register: itFormal, not: itS{itCommand}},
		"la prego softens the instruction, which is not a bossy order"},

	// Deference, hedges, indirect requests, empathy.
	{"deference", "Ha perfettamente ragione, ottima osservazione.",
		itWant{has: itS{itDeference}, count: map[greeting.Strategy]int{itDeference: 2}, above: itPolite},
		"the customer is right, and said so well"},
	{"hedge", "Forse il pacco è ancora in magazzino, credo che arrivi domani.",
		itWant{has: itS{itHedge}, count: map[greeting.Strategy]int{itHedge: 2}, hostile: itNo},
		"forse and credo che soften the news"},
	{"indirect formal", "Le dispiacerebbe inviarmi una foto dello scontrino?",
		itWant{has: itS{itIndirect}, register: itFormal, above: itPolite},
		"le dispiacerebbe asks without ordering"},
	{"indirect informal", "Potresti controllare la mail?",
		itWant{has: itS{itIndirect}, register: itInform},
		"potresti is the tu conditional"},
	{"indirect and address", "Mi potrebbe dire il codice cliente?",
		itWant{has: itS{itIndirect, itFormalAddr}, register: itFormal},
		"mi potrebbe dire is both an indirect request and the Lei form"},
	{"indirect not hedge", "Potrebbe inviarmi la ricevuta?",
		itWant{has: itS{itIndirect, itFormalAddr}, not: itS{itHedge}, register: itFormal},
		"potrebbe inviarmi asks; it is not 'it may be'"},
	{"hedge not indirect", "Potrebbe trattarsi di un problema di rete.",
		itWant{has: itS{itHedge}, not: itS{itIndirect, itFormalAddr}},
		"potrebbe trattarsi is 'it may be', not 'could you'"},
	{"empathy", "Capisco perfettamente il suo disagio.",
		itWant{has: itS{itEmpathy}, hostile: itNo},
		"capisco perfettamente"},
	{"empathy imagine", "Immagino il disagio, mi rendo conto che aspetta da un'ora.",
		itWant{has: itS{itEmpathy}, count: map[greeting.Strategy]int{itEmpathy: 2}, above: itPolite},
		"immagino il disagio, mi rendo conto"},

	// Reassurance and follow-up.
	{"reassurance", "Nessun problema, ci penso io.",
		itWant{has: itS{itReassurance}, count: map[greeting.Strategy]int{itReassurance: 2}, hostile: itNo, above: itPolite},
		"nessun problema is reassurance, not a negation"},
	{"you're next", "Un attimo e sono da lei, è il prossimo!",
		itWant{has: itS{itReassurance}, not: itHostile, register: itFormal},
		"the barista tells the customer they are next"},
	{"no follow-up", "Non la ricontatteremo, la pratica è chiusa.",
		itWant{not: itS{itFollowUp}},
		"a negated promise is no promise"},
	{"follow-up", "La ricontatteremo entro 24 ore.",
		itWant{has: itS{itFollowUp}, count: map[greeting.Strategy]int{itFollowUp: 2}, register: itFormal},
		"a promise and a deadline"},
	{"let me know", "Mi faccia sapere se il problema si ripresenta.",
		itWant{has: itS{itFollowUp, itFormalAddr}, register: itFormal},
		"mi faccia sapere se, in the Lei form"},

	// Forms of address and names.
	{"personal name", "Gentile signor Rossi, la sua richiesta è stata registrata.",
		itWant{has: itS{itGreeting, itName, itCanned}, register: itFormal},
		"gentile + signor Rossi; the registered request is boilerplate"},
	{"abbreviated title", "Gentile sig.ra Esposito, il pacco è in consegna.",
		itWant{has: itS{itGreeting, itName}, register: itFormal},
		"sig.ra is the written form of signora"},
	{"agent's own name", "Salve, sono Marco del servizio clienti.",
		itWant{has: itS{itGreeting}, not: itS{itName}},
		"the agent's name after a comma is not the customer's"},
	{"Lei mid-sentence", "Ho controllato e Lei ha diritto al rimborso.",
		itWant{has: itS{itFormalAddr}, register: itFormal},
		"a capital Lei inside a sentence is the formal you"},
	{"lei is she", "Ieri lei ha chiamato il negozio.",
		itWant{not: itS{itFormalAddr}, register: itUnknown},
		"a lower-case lei is she, not you"},
	{"Lei at sentence start", "Lei ha chiamato ieri.",
		itWant{not: itS{itFormalAddr}},
		"at the start of a sentence the capital says nothing, so Lei is not counted"},
	{"informal address", "Se hai bisogno, scrivimi.",
		itWant{has: itS{itInformalAddr, itFollowUp}, not: itS{itFormalAddr}, register: itInform},
		"hai and scrivimi are tu forms"},
	{"register formal", "Buongiorno, Lei può ritirare il Suo ordine alla cassa.",
		itWant{has: itS{itFormalAddr}, not: itS{itInformalAddr}, register: itFormal},
		"Lei and Suo throughout"},
	{"register informal", "Ciao! Puoi ritirare il tuo ordine alla cassa.",
		itWant{has: itS{itInformalAddr}, not: itS{itFormalAddr}, register: itInform},
		"tu throughout"},
	{"register mixed", "Buongiorno, Lei può pagare alla cassa, ma se vuoi ti porto il caffè al tavolo.",
		itWant{has: itS{itFormalAddr, itInformalAddr}, register: itMixed},
		"switching from Lei to tu in one reply is a first-impression fault"},

	// Hostility.
	{"direct question", "Ma che cosa vuole da me?",
		itWant{has: itS{itQuestion}, below: itRude},
		"puts the customer on the spot"},
	{"barista question is not rude", "Cosa vuole ordinare?",
		itWant{not: itS{itQuestion}, hostile: itNo},
		"'what would you like to order' is a plain question"},
	{"why didn't you read", "Perché non ha letto le istruzioni?",
		itWant{has: itS{itQuestion, itBlame}, hostile: itYes, below: itRude},
		"a question that blames"},
	{"because, not why", "Il pacco è in ritardo perché ha subito un guasto il furgone.",
		itWant{not: append(itS{itQuestion, itReassurance}, itHostile...), hostile: itNo},
		"perché mid-sentence is 'because'; subito here is 'suffered', not 'right away'"},
	{"command", "Si calmi e faccia la fila.",
		itWant{has: itS{itCommand}, count: map[greeting.Strategy]int{itCommand: 2}, hostile: itYes, below: itRude},
		"two bossy orders"},
	{"command informal", "Aspetta! Non vedi che sto servendo?",
		itWant{has: itS{itCommand}, hostile: itYes},
		"a bare aspetta! at the start of a sentence"},
	{"wait a moment is not a command", "Aspetta un attimo che controllo.",
		itWant{not: itS{itCommand}, has: itS{itInformalAddr}, hostile: itNo},
		"a friendly 'hang on, I'll check'"},
	{"blame", "È colpa sua, doveva leggere il contratto.",
		itWant{has: itS{itBlame}, hostile: itYes, below: itRude},
		"blames the customer"},
	{"blame not deference", "Hai sbagliato tu, non io.",
		itWant{has: itS{itBlame}, not: itS{itDeference}, hostile: itYes, register: itInform},
		"hai + a verb is not hai ragione"},
	{"dismissal", "Non è un mio problema, si arrangi.",
		itWant{has: itS{itDismissal}, count: map[greeting.Strategy]int{itDismissal: 2}, hostile: itYes, below: itRude},
		"non è un mio problema is written whole, so its own non does not cancel it"},
	{"can't do anything", "Non posso farci niente.",
		itWant{has: itS{itDismissal}, hostile: itYes},
		"a dismissal that contains its own negation"},
	{"impatience", "Gliel'ho già detto tre volte, si sbrighi!",
		itWant{has: itS{itImpatience}, hostile: itYes, below: itRude},
		"as I already told you; hurry up"},
	{"insult", "Lei è un incompetente.",
		itWant{has: itS{itInsult}, hostile: itYes, below: itRude},
		"insults the reader"},
	{"insult plural", "Siete degli idioti.",
		itWant{has: itS{itInsult}, hostile: itYes},
		"the plural form is an insult too"},
	{"profanity", "Ma che cazzo vuole?",
		itWant{has: itS{itProfanity}, hostile: itYes, below: itRude},
		"swearing at the customer"},
	{"vaffanculo", "Vaffanculo!",
		itWant{has: itS{itProfanity}, hostile: itYes},
		"the classic"},
	{"shouting", "HO DETTO CHE DEVE ASPETTARE!!!",
		itWant{has: itS{itShouting, itCommand}, hostile: itYes, below: itRude},
		"capitals and a run of '!' shout; the words still command"},

	// Canned phrases.
	{"canned hold message", "La sua chiamata è importante per noi, resti in linea per non perdere la priorità acquisita.",
		itWant{has: itS{itCanned}, count: map[greeting.Strategy]int{itCanned: 2}, hostile: itNo},
		"the Italian hold-queue recording"},
	{"canned apology", "Ci scusiamo per l'inconveniente.",
		itWant{has: itS{itApology, itCanned}, hostile: itNo},
		"a stock apology is both an apology and canned"},

	// Criticism, lecturing and blunt openers.
	{"criticism", "Il codice che ha inserito è sbagliato.",
		itWant{has: itS{itCriticism}, not: itHostile, hostile: itNo},
		"judges the customer's input; criticism is impolite but not an attack"},
	{"criticism whole", "La sua richiesta non ha senso.",
		itWant{has: itS{itCriticism, itFormalAddr}, below: itRude},
		"non ha senso carries its own negation"},
	{"criticism negated", "Il codice non è sbagliato, riprovi tra un minuto.",
		itWant{not: itS{itCriticism}},
		"a negated criticism is none"},
	{"factuality", "Ovviamente il reso va fatto entro 14 giorni.",
		itWant{has: itS{itFactuality, itFollowUp}},
		"ovviamente lectures"},
	{"veramente mid-sentence", "È veramente un piacere aiutarla.",
		itWant{not: itS{itFactuality, itDirectStart}},
		"veramente lectures only as an opener; mid-sentence it intensifies"},
	{"direct start", "Allora, vediamo cosa posso fare.",
		itWant{has: itS{itDirectStart}, hostile: itNo},
		"a blunt opener"},
	{"È is not e", "È pronto il suo caffè.",
		itWant{has: itS{itReassurance}, not: itS{itDirectStart}},
		"È folds to e, but a sentence that starts with 'is' is not one that starts with 'and'"},
	{"blunt tu", "Tu devi aspettare.",
		itWant{has: itS{itDirectStart, itCommand, itInformalAddr}, hostile: itYes, register: itInform},
		"a sentence that starts with tu, and an order"},

	// Traps: negation.
	{"not a stupid question", "Non è una domanda stupida, anzi: ottima domanda!",
		itWant{has: itS{itDeference}, not: itS{itInsult}, hostile: itNo},
		"a negated insult is not an insult"},
	{"not at all a stupid question", "Non è affatto una domanda stupida.",
		itWant{not: itS{itInsult}, hostile: itNo},
		"affatto between the negation and the insult still leaves it in scope"},
	{"what a stupid question", "Che domanda stupida.",
		itWant{has: itS{itInsult}, hostile: itYes},
		"the same words without the negation insult"},
	{"I am not stupid", "Non sono stupido.",
		itWant{not: itS{itInsult}, hostile: itNo},
		"denying a word is not calling the reader it"},
	{"don't play dumb", "Non fare lo stupido!",
		itWant{has: itS{itInsult}, hostile: itYes},
		"a negated imperative that insults: written whole, its non does not cancel it"},
	{"not your fault", "Non è colpa sua, capita a tutti.",
		itWant{has: itS{itReassurance}, not: itS{itBlame}, hostile: itNo},
		"the opposite of blame"},
	{"don't worry", "Non si preoccupi, il rimborso arriva entro tre giorni.",
		itWant{has: itS{itReassurance, itFollowUp}, hostile: itNo, above: itPolite, register: itFormal},
		"non si preoccupi is reassurance; its non does not cancel the promise after it"},
	{"nessun problema alone", "Nessun problema!",
		itWant{has: itS{itReassurance}, hostile: itNo},
		"nessun is a negation word, but nessun problema is written whole"},
	{"you're welcome", "Non c'è di che!",
		itWant{has: itS{itReassurance}, hostile: itNo},
		"non c'è di che is 'don't mention it'"},
	{"not understanding is not empathy", "Non capisco cosa intende.",
		itWant{not: itS{itEmpathy}},
		"negated capisco"},
	{"refusing to apologise", "Non le chiedo scusa.",
		itWant{not: itS{itApology}},
		"a negated apology is not an apology"},
	{"as soon as", "Non appena possibile la ricontatteremo.",
		itWant{has: itS{itFollowUp}, count: map[greeting.Strategy]int{itFollowUp: 2}},
		"non appena is 'as soon as': it must not cancel the promise after it"},
	{"don't hesitate", "Non esiti a contattarci.",
		itWant{has: itS{itFollowUp}, register: itFormal},
		"non esiti a contattarci invites a follow-up"},
	{"if I'm not wrong", "Se non sbaglio, il pacco è partito ieri.",
		itWant{has: itS{itHedge}, hostile: itNo},
		"se non sbaglio hedges"},
	{"no hurry", "Con calma, nessuna fretta.",
		itWant{has: itS{itReassurance}, not: itS{itCommand}, hostile: itNo},
		"con calma is 'take your time', not 'calm down'"},
	{"working on it", "Sto lavorando alla sua pratica, un attimo.",
		itWant{has: itS{itReassurance}, not: itS{itDismissal}, hostile: itNo},
		"'I'm working on your case' is not the seed's 'I'm busy'"},

	// Traps: quotation.
	{"quoted insult", "Il cliente ha scritto 'siete degli idioti' nel modulo di reclamo.",
		itWant{not: itS{itInsult}, hostile: itNo},
		"quoting a customer's insult is not insulting"},
	{"double-quoted insult", `Il cliente ha scritto "siete degli idioti" nel modulo di reclamo.`,
		itWant{not: itS{itInsult}, hostile: itNo},
		"the same with double quotes"},
	{"guillemets", "La recensione dice «camerieri maleducati».",
		itWant{not: itS{itInsult}, hostile: itNo},
		"Italian quotation marks quote too"},

	// Traps: names, places and products that contain rude words.
	{"surname Cazzaniga", "Buongiorno signor Cazzaniga, la sua pratica è pronta.",
		itWant{has: itS{itGreeting, itName}, not: itS{itProfanity}, hostile: itNo, above: itPolite},
		"a Lombard surname that begins with a swear word"},
	{"surname Culotta", "La signora Culotta ha già pagato il conto.",
		itWant{has: itS{itName}, not: itS{itProfanity}, hostile: itNo},
		"a Sicilian surname that begins with a rude word"},
	{"town Troia", "La spedizione per Troia (FG) parte domani.",
		itWant{not: itS{itProfanity, itInsult}, hostile: itNo},
		"Troia is a town in Apulia; only porca troia swears"},
	{"goat cheese", "Un cappuccino e una torta al formaggio di capra, grazie.",
		itWant{has: itS{itGratitude}, not: itS{itInsult}, hostile: itNo},
		"capra is a goat before it is an insult"},
	{"failed payment", "Il pagamento è fallito, riprovi più tardi.",
		itWant{not: itS{itInsult}, hostile: itNo},
		"fallito is a failed payment, not a loser"},
	{"mixed-case products", "Il FRITZ!Box e la SIM TIM sono attivi: provi l'app MyTIM o PayPal.",
		itWant{not: itS{itShouting, itFormalAddr, itInformalAddr}, hostile: itNo, register: itUnknown},
		"product names in capitals or mixed case are neither shouting nor address"},
	{"it takes an hour", "Ci vuole circa un'ora per l'attivazione.",
		itWant{not: itS{itFormalAddr}, register: itUnknown},
		"ci vuole is 'it takes', not the Lei form of volere"},
	{"do not disturb", "Disattivi la modalità non disturbare dal telefono.",
		itWant{not: itS{itCommand}, hostile: itNo},
		"the phone's do-not-disturb mode is not a 'leave me alone'"},
	{"voi clienti", "Per voi clienti abbiamo preparato uno sconto.",
		itWant{not: itS{itInsult}, hostile: itNo},
		"'you customers' is not 'you people' in Italian"},
	{"six euros", "Sono sei euro, grazie.",
		itWant{has: itS{itGratitude}, not: itS{itInformalAddr}},
		"sei is also six"},
	{"tea", "Un tè verde per lei.",
		itWant{not: itS{itInformalAddr}},
		"tè (tea) folds to te, but te alone is not counted as tu"},
}

func TestItalian(t *testing.T) {
	for _, tt := range italianCases {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, language.Italian)
			w := tt.want
			found := itFound(r)
			fail := func(format string, args ...any) {
				t.Helper()
				t.Errorf("%q: %s\n\tfound %v (%s)", tt.text, fmt.Sprintf(format, args...), found, tt.reason)
			}
			if r.Lang != language.Italian {
				fail("Lang = %v, want it", r.Lang)
			}
			for _, s := range w.has {
				if !r.Has(s) {
					fail("no %v marker", s)
				}
			}
			for _, s := range w.not {
				if r.Has(s) {
					fail("unexpected %v marker", s)
				}
			}
			for s, n := range w.count {
				if got := r.Count(s); got != n {
					fail("%d %v markers, want %d", got, s, n)
				}
			}
			if w.hostile != nil && r.Hostile != *w.hostile {
				fail("Hostile = %v, want %v", r.Hostile, *w.hostile)
			}
			if w.above != nil && !(r.Politeness > *w.above) {
				fail("Politeness = %.3f, want > %.2f", r.Politeness, *w.above)
			}
			if w.below != nil && !(r.Politeness < *w.below) {
				fail("Politeness = %.3f, want < %.2f", r.Politeness, *w.below)
			}
			if w.register != nil && r.Register != *w.register {
				fail("Register = %v (formality %.2f), want %v", r.Register, r.Formality, *w.register)
			}
			itPhrase(fail, "greeting", r.Greeting, w.greeting, w.greetingPart)
			itPhrase(fail, "closing", r.Closing, w.closing, w.closingPart)
			for _, m := range r.Markers {
				if tt.text[m.Start:m.End] != m.Text {
					fail("marker %v: text[%d:%d] = %q, Text = %q", m.Strategy, m.Start, m.End, tt.text[m.Start:m.End], m.Text)
				}
			}
		})
	}
}

// itPhrase checks a greeting or closing against the wanted text and part of
// day.
func itPhrase(fail func(string, ...any), what string, p *greeting.Phrase, text *string, part *greeting.PartOfDay) {
	switch {
	case text != nil && *text == "" && p != nil:
		fail("%s %q, want none", what, p.Text)
	case text != nil && *text != "" && p == nil:
		fail("no %s, want %q", what, *text)
	case text != nil && *text != "" && p.Text != *text:
		fail("%s %q, want %q", what, p.Text, *text)
	}
	if part != nil {
		switch {
		case p == nil:
			fail("no %s, want one naming %v", what, *part)
		case p.PartOfDay != *part:
			fail("%s %q names %q, want %q", what, p.Text, p.PartOfDay, *part)
		}
	}
}

func itFound(r greeting.Report) []string {
	s := make([]string, 0, len(r.Markers))
	for _, m := range r.Markers {
		s = append(s, m.Strategy.String()+":"+m.Text)
	}
	return s
}

// TestItalianCoversEveryStrategy keeps the table honest: every strategy is
// asserted present in some case and absent in another.
func TestItalianCoversEveryStrategy(t *testing.T) {
	present, absent := map[greeting.Strategy]bool{}, map[greeting.Strategy]bool{}
	for _, c := range italianCases {
		for _, s := range c.want.has {
			present[s] = true
		}
		for s, n := range c.want.count {
			present[s] = present[s] || n > 0
		}
		for _, s := range c.want.not {
			absent[s] = true
		}
	}
	for _, s := range greeting.Strategies() {
		if !present[s] {
			t.Errorf("no Italian case asserts a %v marker", s)
		}
		if !absent[s] {
			t.Errorf("no Italian case asserts the absence of a %v marker", s)
		}
	}
}

func TestItalianDetected(t *testing.T) {
	italian := []string{
		"Buongiorno, la ringrazio per averci contattato. Il suo ordine è in consegna.",
		"Mi scusi per l'attesa, arriva subito! Grazie per la pazienza.",
		"Sto lavorando, deve aspettare come tutti gli altri!",
		"Ciao! Il tuo pacco è partito ieri, dovrebbe arrivare domani.",
		"Gentile cliente, la sua richiesta è stata presa in carico. Cordiali saluti",
		"Non si preoccupi, ci penso io.",
	}
	for _, s := range italian {
		if r := greeting.Check(s, language.Und); r.Lang != language.Italian {
			t.Errorf("Check(%q, und).Lang = %v, want it (found %v)", s, r.Lang, itFound(r))
		}
	}
	// Italian's frequent words must not pull English replies over, even ones
	// with a stray "per" or "e-mail".
	english := []string{
		"Sorry for the wait, you're next. Thanks for your patience!",
		"As per your request, the e-mail has been sent to the team.",
		"I'm working, you have to wait like all others!",
	}
	for _, s := range english {
		if r := greeting.Check(s, language.Und); r.Lang == language.Italian {
			t.Errorf("Check(%q, und).Lang = it; an English reply was read as Italian", s)
		}
	}
}

// TestItalianRegionalTag checks that Swiss Italian uses the Italian data.
func TestItalianRegionalTag(t *testing.T) {
	text := "Buongiorno, mi scusi per l'attesa."
	r := greeting.Check(text, language.MustParse("it-CH"))
	if r.Lang != language.Italian || !r.Has(greeting.Apology) || r.Greeting == nil || r.Greeting.Text != "Buongiorno" {
		t.Errorf("Check(%q, it-CH) = lang %v, markers %v; want the Italian data", text, r.Lang, itFound(r))
	}
}
