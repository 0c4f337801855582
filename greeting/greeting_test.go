package greeting_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

func init() { casesByLang["en"] = slices.Concat(englishCases, englishPolitenessCases) }

func TestEnglish(t *testing.T) { runLangCases(t, language.English, englishCases) }

var englishCases = []langCase{
	{"plain statement", "Your parcel left the warehouse on Tuesday.",
		want{not: S{greeting.Greeting, greeting.Closing, greeting.Apology, greeting.Please, greeting.Deference, greeting.Hedge, greeting.Indirect,
			greeting.Empathy, greeting.Reassurance, greeting.FollowUp, greeting.PersonalName, greeting.FormalAddress, greeting.InformalAddress,
			greeting.DirectQuestion, greeting.Blame, greeting.Dismissal, greeting.Impatience, greeting.Canned, greeting.Criticism,
			greeting.Factuality, greeting.DirectStart, greeting.Gratitude}, hostile: no, register: unknown},
		"a plain fact carries no strategy and reads as neutral"},
	{"criticism", "Your edit is wrong and the summary is misleading.",
		want{has: S{greeting.Criticism}, hostile: no, below: rude}, "judging the reader's work is impolite but not an attack"},
	{"factuality", "Actually, the manual clearly says otherwise.",
		want{has: S{greeting.Factuality}, below: rude}, "lecturing emphasis"},
	{"direct start", "But the tracking page still shows nothing.",
		want{has: S{greeting.DirectStart}, below: rude}, "a blunt opener"},
	{"blame inside a blunt question", "So you didn't even bother to check?",
		want{has: S{greeting.DirectQuestion, greeting.Blame}, hostile: yes},
		"the blame starts inside the question's opener (So you) and goes on past it: both are read"},
	{"a blunt question, no blame", "So you didn't get our email? I'll send it again.",
		want{has: S{greeting.DirectQuestion}, not: hostileStrategies, hostile: no},
		"the same opener before a plain question"},
	{"so why", "So why is it still broken?",
		want{has: S{greeting.DirectQuestion}, below: rude}, "a blunt opener joined to a confrontational question"},
	{"so inside", "I am so sorry about that.",
		want{has: S{greeting.Apology}, not: S{greeting.DirectStart}, above: polite}, "'so' starts nothing in the middle of a sentence"},
	{"formal register", "Dear Sir, kindly find attached the invoice. Yours sincerely",
		want{has: S{greeting.Greeting, greeting.FormalAddress, greeting.Closing}, register: formal, closing: ptr("Yours sincerely")},
		"a letter in the formal register"},
	{"informal register", "hey guys, gonna check that for ya, no worries!",
		want{has: S{greeting.InformalAddress, greeting.Reassurance}, not: S{greeting.FormalAddress}, register: informal},
		"slang and casual address"},
	{"barman", "I'm working, you have to wait like all others!",
		want{has: S{greeting.Dismissal, greeting.Command}, not: S{greeting.Gratitude}, hostile: yes, below: rude},
		"the seed story: busy, ordering and lumping the customer with everyone"},
	{"better reply", "Sorry for the wait — you're next, thank you for your patience!",
		want{has: S{greeting.Apology, greeting.Reassurance, greeting.Gratitude}, not: S{greeting.Command}, hostile: no, above: polite},
		"the seed story's better reply"},
	{"greeting", "Good morning! How can I help you today?",
		want{has: S{greeting.Greeting}, hostile: no, above: polite},
		"a professional opening"},
	{"closing", "Your refund is on its way. Have a great day!",
		want{has: S{greeting.Closing, greeting.Reassurance}, hostile: no, above: polite},
		"a warm sign-off"},
	{"gratitude", "Thanks so much for letting us know.",
		want{has: S{greeting.Gratitude}, hostile: no, above: polite},
		"thanks"},
	{"no thanks", "Anything else? No thanks.",
		want{not: S{greeting.Gratitude}, hostile: no},
		"the refusal declines an offer; it thanks nobody"},
	{"no, thank you", "No, thank you very much, that's all.",
		want{not: S{greeting.Gratitude}, hostile: no},
		"the refusal with its comma and its very much is still a refusal"},
	{"no, thanks for asking", "No, thanks for asking!",
		want{has: S{greeting.Gratitude}},
		"thanks for something after the no still thank"},
	{"no problem, thanks", "No problem, thank you for your help!",
		want{has: S{greeting.Reassurance, greeting.Gratitude}},
		"no problem reassures, and the thanks after it thank"},
	{"thanks, no more questions", "Thank you, no further questions.",
		want{has: S{greeting.Gratitude}},
		"thanks before a no still thank"},
	{"thanks run into a word", "okthanks a lot",
		want{has: S{greeting.Gratitude}, hostile: no, above: polite},
		"two chat lines joined without a space still thank"},
	{"thank you run into a word", "greatthank you so much for your help",
		want{has: S{greeting.Gratitude}, hostile: no, above: polite},
		"thank is no English word's ending: the thanks after great"},
	{"greeting run into a greeting", "higood morning",
		want{greeting: ptr("higood morning"), greetingPart: ptr(greeting.Morning), courtesyOnly: yes, hostile: no},
		"two chat lines joined without a space still greet, and name the morning"},
	{"greeting run into a word", "Highway 5 is closed this morning.",
		want{greeting: none, hostile: no},
		"a word that starts with hi is no greeting"},
	{"no thanks run together", "nothanks",
		want{not: S{greeting.Gratitude}, hostile: no},
		"the refusal written as one word is still the refusal"},
	{"thanksgiving", "Our Thanksgiving sale ends on Monday.",
		want{not: S{greeting.Gratitude}},
		"a word that begins with thanks does not thank"},
	{"no thanks to you", "No thanks to you, the parcel came a week late.",
		want{has: S{greeting.Criticism}, not: S{greeting.Gratitude}},
		"the sarcastic no thanks to you is criticism, not the refusal"},
	{"thanks, but why", "Thanks, but why did you delete it?",
		want{has: S{greeting.Gratitude, greeting.DirectStart, greeting.DirectQuestion}, below: rude},
		"grudging thanks before a pointed question: thanks, and a blunt but, as the other languages read it"},
	{"thanks for the fix, but", "Thanks for the quick fix, but the export still fails.",
		want{has: S{greeting.Gratitude}, not: S{greeting.DirectStart}},
		"thanks for something before a but are thanks alone"},
	{"no that's all thank you", "no thats all thank you",
		want{has: S{greeting.Gratitude}, courtesyOnly: yes},
		"chat without commas: the no answers 'anything else?' and negates neither the thanks nor the message"},
	{"hi, refund please", "Hi, refund please",
		want{has: S{greeting.Greeting}, courtesyOnly: no},
		"a writer who capitalises would capitalise the reader's name: refund is a request"},
	{"thanks, likewise", "Thanks, likewise!",
		want{has: S{greeting.Gratitude}, courtesyOnly: yes},
		"likewise returns the wish"},
	{"nothing, thanks", "Nothing, thanks!",
		want{has: S{greeting.Gratitude}, courtesyOnly: yes},
		"nothing alone answers 'anything else?': it denies nothing"},
	{"still nothing, thanks", "still nothing, thanks",
		want{has: S{greeting.Gratitude}, courtesyOnly: no},
		"still nothing says the customer is still waiting"},
	{"not at all, thank you", "Not at all, thank you!",
		want{has: S{greeting.Gratitude}, courtesyOnly: yes},
		"not at all answers thanks or an apology"},
	{"nothing else thanks", "nothing else thanks bye",
		want{has: S{greeting.Gratitude, greeting.Closing}, courtesyOnly: yes},
		"nothing else answers too; a word between a negation and thanks keeps them thanks"},
	{"not yet, thanks", "Not yet, thanks",
		want{has: S{greeting.Gratitude}, courtesyOnly: no},
		"not yet says the customer is still waiting: more than courtesy"},
	{"nothing yet", "Nothing yet, thanks.",
		want{has: S{greeting.Gratitude}, courtesyOnly: no},
		"nothing yet is still waiting too; only nothing else and nothing more answer"},
	{"no rush", "no rush thanks",
		want{has: S{greeting.Gratitude}, not: S{greeting.Impatience}, hostile: no},
		"the answering no still negates the noun after it"},
	{"not grateful", "I'm not grateful at all.",
		want{not: S{greeting.Gratitude}},
		"a negation right before the thanks negates them"},
	{"thanks missed", "You didn't even say thank you",
		want{has: S{greeting.Criticism}, not: S{greeting.Gratitude}},
		"complaining of thanks not given thanks nobody"},
	{"apology", "We apologise for the delay.",
		want{has: S{greeting.Apology}, hostile: no, above: polite},
		"apology"},
	{"please", "Could you please send me the order number?",
		want{has: S{greeting.Please, greeting.Indirect}, hostile: no, above: polite},
		"a soft request"},
	{"deference", "Great question — you're absolutely right.",
		want{has: S{greeting.Deference}, hostile: no, above: polite},
		"esteem for the reader"},
	{"hedge", "I think the parcel might be delayed a little.",
		want{has: S{greeting.Hedge}, hostile: no},
		"softeners"},
	{"empathy", "I understand how frustrating this must be.",
		want{has: S{greeting.Empathy}, hostile: no, above: polite},
		"empathy"},
	{"follow up", "I'll get back to you within 24 hours.",
		want{has: S{greeting.FollowUp}, hostile: no, above: polite},
		"setting expectations"},
	{"name", "Hi Marco, thanks for waiting.",
		want{has: S{greeting.Greeting, greeting.PersonalName, greeting.Gratitude}, hostile: no, above: polite},
		"a capitalised word after a greeting is a name"},
	{"honorific", "Dear Mrs Bianchi, we have received your request.",
		want{has: S{greeting.Greeting, greeting.PersonalName, greeting.FormalAddress}, hostile: no, above: polite},
		"an honorific and a name"},
	{"informal address", "Hey dude, gonna check that for ya.",
		want{has: S{greeting.InformalAddress}, hostile: no},
		"slang forms of address"},
	{"direct question", "Why did you remove my comment?",
		want{has: S{greeting.DirectQuestion}, hostile: no, below: rude},
		"a confrontational question"},
	{"command", "Calm down and wait your turn.",
		want{has: S{greeting.Command}, hostile: yes, below: rude},
		"bossy orders"},
	{"wait as a service", "Please wait a moment while I check your order.",
		want{not: S{greeting.Command}, hostile: no},
		"asking the reader to wait while one works for them orders nobody about"},
	{"we wait", "We will wait for the courier to confirm the new date.",
		want{not: S{greeting.Command}, hostile: no},
		"the writer waiting is no order"},
	{"hold on, let me check", "Hold on, let me check that for you.",
		want{has: S{greeting.Reassurance}, not: S{greeting.Command}, hostile: no},
		"a moment's pause before helping"},
	{"just wait", "Just wait.",
		want{has: S{greeting.Command}, hostile: yes},
		"the bare order"},
	{"relax as reassurance", "Relax, we'll sort it out today.",
		want{not: S{greeting.Command}, hostile: no},
		"relax before a promise reassures"},
	{"instruction", "Restart the router and try again, then let me know if it works.",
		want{not: S{greeting.Command}, hostile: no},
		"ordinary instructions are not commands"},
	{"blame", "It's your fault, you should have read the instructions.",
		want{has: S{greeting.Blame}, hostile: yes, below: rude},
		"blame"},
	{"honestly as advice", "Honestly, I'd recommend the larger size.",
		want{has: S{greeting.Factuality}, not: S{greeting.Impatience}, hostile: no},
		"honestly before advice lectures a little but is not impatient"},
	{"glad surprise", "Really? That's great news!",
		want{not: S{greeting.Impatience}, hostile: no, above: polite},
		"an asked 'Really?' that praise follows is glad surprise"},
	{"sarcastic surprise", "Really? Thanks for nothing.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"the same 'Really?' before a sarcastic thanks stays disbelief"},
	{"hello inside a question", "Did the courier say hello?",
		want{has: S{greeting.Greeting}, not: S{greeting.Impatience}},
		"a word asked about at the end of a longer question is no 'Hello?' of its own"},
	{"seriously asked", "Seriously? I asked three times.",
		want{has: S{greeting.Impatience}, not: S{greeting.Factuality}, hostile: yes},
		"a one-word factuality marker asked is disbelief"},
	{"once again, apologies", "Once again, apologies for the trouble.",
		want{has: S{greeting.Apology}, not: S{greeting.Impatience}, hostile: no, above: polite},
		"an apology said once again repeats only itself"},
	{"thanks once again", "Thanks once again for your patience!",
		want{has: S{greeting.Gratitude}, not: S{greeting.Impatience}, hostile: no, above: polite},
		"thanks said once again"},
	{"once again, a complaint", "Once again, the parcel is missing.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"once again before a complaint is the writer repeating themselves"},
	{"whatever you need", "Let me know whatever you need, and we'll deal with it right away.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"whatever and deal with it inside a sentence of help shrug at nobody"},
	{"whatever alone", "Whatever. Deal with it.",
		want{has: S{greeting.Dismissal}, count: map[greeting.Strategy]int{greeting.Dismissal: 2}, hostile: yes},
		"the shrugs as replies of their own"},
	{"or whatever it is", "Send it to billing or whatever it is you call them.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"or whatever it is waves the reader's words away"},
	{"a team who cares", "We have a team who cares about every order.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"who cares as a relative clause asks nothing"},
	{"dismissal", "That's not my problem.",
		want{has: S{greeting.Dismissal}, hostile: yes, below: rude},
		"a negation inside the phrase is part of it"},
	{"impatience", "Hurry up, I don't have all day.",
		want{has: S{greeting.Impatience}, hostile: yes, below: rude},
		"impatience"},
	{"insult", "You're an idiot.",
		want{has: S{greeting.Insult}, hostile: yes, below: rude},
		"insult"},
	{"profanity", "This fucking app again.",
		want{has: S{greeting.Profanity}, hostile: yes, below: rude},
		"profanity"},
	{"shouting caps", "WHERE IS MY ORDER",
		want{has: S{greeting.Shouting}, hostile: yes, below: rude},
		"a message in capitals"},
	{"shouting bangs", "Your order is late!!!",
		want{has: S{greeting.Shouting}, hostile: yes, below: rude},
		"a run of exclamation marks"},
	{"cheering bangs", "Thank you so much!!! Your order is on its way.",
		want{has: S{greeting.Gratitude}, not: S{greeting.Shouting}, hostile: no, above: polite},
		"exclamation marks after thanks are glee, not shouting"},
	{"bangs after a grumble", "Thanks for nothing!!!",
		want{has: S{greeting.Criticism, greeting.Shouting}, hostile: yes, below: rude},
		"the sarcastic thanks are criticism, so the marks after them shout"},
	{"bangs in the next sentence", "Thank you. Where is my refund!!!",
		want{has: S{greeting.Gratitude, greeting.Shouting}, hostile: yes},
		"the thanks of one sentence do not make the next one's marks glee"},
	{"how are you going to", "How are you going to fix this before Friday?",
		want{not: S{greeting.Greeting}},
		"'how are you going to' asks about a plan; it greets nobody"},
	{"how are you doing", "Hi Anna, how are you doing?",
		want{has: S{greeting.Greeting}},
		"'how are you doing' still greets"},
	{"sorry question", "Sorry? I didn't catch your order number.",
		want{not: S{greeting.Apology}, hostile: no},
		"a bare 'Sorry?' asks the customer to say it again; it apologises for nothing"},
	{"sorry comma", "Sorry, I didn't catch your order number.",
		want{has: S{greeting.Apology}, hostile: no},
		"'Sorry,' before a sentence apologises"},
	{"hello question", "Hello?",
		want{has: S{greeting.Impatience}, not: S{greeting.Greeting}, hostile: yes, below: rude},
		"a bare 'Hello?' asks whether anyone is there"},
	{"canned", "We apologize for any inconvenience this may have caused.",
		want{has: S{greeting.Canned, greeting.Apology}, hostile: no},
		"a stock phrase is both canned and an apology"},
	{"negated insult", "Sorry, that was not a stupid question at all.",
		want{has: S{greeting.Apology}, not: S{greeting.Insult}, hostile: no, above: polite},
		"negating a rude word is not rudeness"},
	{"not true that", "It's not true that our customers are all idiots.",
		want{not: S{greeting.Insult}, hostile: no},
		"it's not true that denies its whole clause, however long"},
	{"not true that, then an insult", "It's not true that we lost it, you idiot.",
		want{has: S{greeting.Insult}, hostile: yes},
		"the denial ends with its clause"},
	{"not angry", "I'm not angry, just confused.",
		want{not: S{greeting.Insult}, hostile: no},
		"a negated feeling is not hostility"},
	{"quoted insult", "You wrote 'this is stupid' in your review; we're sorry it disappointed you.",
		want{not: S{greeting.Insult}, hostile: no},
		"quoting the customer is not insulting them"},
	{"double quoted", `The error says "fatal: you idiot" — that's a bug in our app, sorry!`,
		want{has: S{greeting.Apology}, not: S{greeting.Insult}, hostile: no},
		"a quoted error message is not hostility"},
	{"no problem", "No problem at all, happy to help!",
		want{has: S{greeting.Reassurance}, hostile: no, above: polite},
		"'no problem' is reassurance, not negativity"},
	{"rude name", "Hello Mr Dickens, your parcel has shipped.",
		want{has: S{greeting.PersonalName}, not: S{greeting.Profanity}, hostile: no, above: polite},
		"a name containing a rude word is a name"},
	{"rude substring", "Please check the Scunthorpe and Cockburn branches.",
		want{not: S{greeting.Profanity}, hostile: no},
		"words are matched whole, not inside longer words"},
	{"product names", "Your iPhone and MacBook Pro are covered by AppleCare.",
		want{not: S{greeting.Shouting}, hostile: no},
		"mixed-case product names are not shouting"},
	{"acronyms", "Your VPN and DNS settings look fine.",
		want{not: S{greeting.Shouting}, hostile: no},
		"a few acronyms are not shouting"},
	{"contraction quote", "You said 'it's broken' — sorry about that, we'll fix it.",
		want{not: S{greeting.Criticism, greeting.Insult}, hostile: no},
		"an apostrophe inside a quotation does not end it"},
	{"good day at the end", "Thanks for sorting it out, good day to you.",
		want{has: S{greeting.Gratitude, greeting.Closing}, greeting: ptr(""), closing: ptr("good day to you")},
		"after the business, 'good day' takes leave"},
	{"good day at the start", "Good day! My parcel has not arrived.",
		want{has: S{greeting.Greeting}, greeting: ptr("Good day"), closing: ptr("")},
		"opening a message, 'good day' greets"},
	{"hi good day", "hi good day, i need to change my booking",
		want{has: S{greeting.Greeting}, closing: ptr("")},
		"after a hello, 'good day' greets as well"},
	{"you're welcome unpunctuated", "youre welcome, glad it worked",
		want{has: S{greeting.Deference}, not: S{greeting.Greeting}},
		"'you're welcome' without its apostrophe answers thanks; it welcomes nobody"},
	{"my pleasure", "My pleasure! Anything for a regular.",
		want{has: S{greeting.Deference}, not: S{greeting.Closing}},
		"'my pleasure' answers thanks and takes no leave"},
	{"best adjective", "Which is the best pizza on the menu?",
		want{not: S{greeting.Closing}},
		"'best' as an adjective is no sign-off"},
	{"best sign-off", "Thanks for the quick reply.\nBest,\nJo",
		want{has: S{greeting.Gratitude, greeting.Closing}, closing: ptr("Best")},
		"'Best,' on its own line signs off"},
	{"later adverb", "I will pick it up later this week.",
		want{not: S{greeting.Closing}},
		"'later' in a sentence is an adverb"},
	{"later goodbye", "ok got it. Later!",
		want{has: S{greeting.Closing}},
		"'Later!' on its own takes leave"},
	{"awesome day", "have an awesome day",
		want{has: S{greeting.Closing}, hostile: no},
		"any warm adjective wishes a good day"},
	{"ty alone", "ok ty",
		want{has: S{greeting.Gratitude}},
		"'ty' on its own thanks"},
	{"ty in a code", "my booking reference is TY 4471 B",
		want{not: S{greeting.Gratitude}},
		"the letters of a code are no thanks"},
	{"thanking you", "Thanking you in advance for your help.",
		want{has: S{greeting.Gratitude}, above: polite},
		"the letter formula of Indian English thanks"},
	{"cheers", "Cheers!",
		want{has: S{greeting.Gratitude, greeting.Closing}},
		"a British 'Cheers!' thanks and takes leave"},
	{"thanks for nothing", "Well, thanks for nothing.",
		want{has: S{greeting.Criticism}, not: S{greeting.Gratitude}},
		"sarcastic thanks are no gratitude"},
	{"i see you", "I see you have already updated the address.",
		want{not: S{greeting.Closing}},
		"'I see you have' is no goodbye"},
	{"working on", "I'm working on the report you sent.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"working on the customer's matter is not the barman's 'I'm working'"},
	{"working on it", "Don't worry, I'm working on it.",
		want{has: S{greeting.Reassurance}, not: S{greeting.Dismissal}, hostile: no},
		"working on it reassures"},
	{"vandalism topic", "Could you help me revert the vandalism on that page?",
		want{has: S{greeting.Indirect}, not: S{greeting.Insult}, hostile: no},
		"naming vandalism is a topic, not an insult to the reader"},
	{"you vandal", "Stop it, you vandal.",
		want{has: S{greeting.Insult}, hostile: yes},
		"calling the reader a vandal insults"},
	{"your kind words", "Thank you for your kind comments.",
		want{has: S{greeting.Gratitude}, not: S{greeting.Insult}, hostile: no, above: polite},
		"'your kind comments' is not 'your kind'"},
	{"like preposition", "Is there a page like this for trains?",
		want{not: S{greeting.Deference}},
		"'like' as a preposition pays no compliment"},
	{"move it back", "Could you move it back to the old title?",
		want{not: S{greeting.Impatience}, hostile: no},
		"'move it' inside a request is no 'Move it!'"},
	{"so what asks", "So what do I need to send you?",
		want{not: S{greeting.Dismissal}},
		"'so what' opening a question asks; only 'So what?' shrugs"},
	{"what evidence", "What evidence do you have for that?",
		want{has: S{greeting.DirectQuestion}, not: S{greeting.Indirect}, below: rude},
		"demanding evidence is no indirect request"},

	// "your problem": handed back, or the reader's, helped
	{"your problem, solved", "Your problem is solved.",
		want{not: S{greeting.Blame}, hostile: no},
		"the reader's problem, helped"},
	{"your problem, handed back", "Your problem, not mine.",
		want{has: S{greeting.Blame}, hostile: yes},
		"a sentence of its own hands it back"},

	// Service replies that are not hostile: instructions, expectations and
	// apologies that share words with orders, blame and impatience
	{"wait, how long", "You'll have to wait ten days for the new card to arrive.",
		want{not: S{greeting.Command}, hostile: no},
		"how long the reader waits informs; it orders nothing"},
	{"wait, bare", "You'll just have to wait.",
		want{has: S{greeting.Command}, hostile: yes},
		"waiting as a bare order"},
	{"go to settings", "You need to go to Settings and switch roaming on.",
		want{not: S{greeting.Command}, hostile: no},
		"an instruction, not 'you need to go'"},
	{"go, bare", "You need to go, we're closing.",
		want{has: S{greeting.Command}, hostile: yes},
		"sending the reader away"},
	{"check the faq", "You can check the FAQ for more details about baggage.",
		want{not: S{greeting.Command}, hostile: no},
		"pointing the way is no 'Read the manual.'"},
	{"read the faq first", "Read the FAQ before asking.",
		want{has: S{greeting.Command}, hostile: yes},
		"the brush-off"},
	{"don't bother sending", "Don't bother sending it back, just keep it and we'll refund you.",
		want{not: S{greeting.Command}, hostile: no},
		"sparing the reader a chore"},
	{"don't bother calling", "Don't bother calling back.",
		want{has: S{greeting.Command}, hostile: yes},
		"ordering the reader off"},
	{"you can't have two codes", "Unfortunately you can't have two discount codes on one order.",
		want{not: S{greeting.Command}, hostile: no},
		"stating a rule"},
	{"you should have a card", "You should have a new card within five working days.",
		want{not: S{greeting.Blame}, hostile: no},
		"what the reader should have by now is an expectation"},
	{"you should have the decency", "You should have the decency to apologise.",
		want{has: S{greeting.Blame}, hostile: yes},
		"what the reader should have shown blames"},
	{"you got it", "You got it, I'll change the delivery address now.",
		want{not: S{greeting.Blame}, hostile: no},
		"agreeing, not 'you got it wrong'"},
	{"you got it wrong", "You got it wrong again.",
		want{has: S{greeting.Blame}, hostile: yes},
		"doing it wrong blames"},
	{"sorry you've been waiting", "I'm sorry you've been waiting so long for an answer.",
		want{has: S{greeting.Apology}, not: S{greeting.Impatience}, hostile: no},
		"the reader's wait, apologised for"},
	{"still waiting, own", "Still waiting for your documents, this is taking forever.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"the writer's own wait"},
	{"again, thanks", "Again, thank you for your patience while we sorted this out.",
		want{has: S{greeting.Gratitude}, not: S{greeting.Impatience}, hostile: no},
		"thanks said again open the sentence"},
	{"once again, no", "Once again, the answer is no.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"repeating oneself"},
	{"delayed once again", "I'm sorry your parcel has been delayed once again.",
		want{has: S{greeting.Apology}, not: S{greeting.Impatience}, hostile: no},
		"owning a repeated fault"},
	{"in a hurry", "If you're in a hurry, the express option arrives tomorrow.",
		want{not: S{greeting.Impatience}, hostile: no},
		"the reader's hurry, served"},
	{"working with the courier", "I'm working with the courier to find your parcel.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"working on the reader's matter, not the barman's 'I'm working'"},

	// Rude service replies: an agent's brush-offs, blame, impatience,
	// condescension and sarcasm without a swear word, each beside a civil
	// twin that shares its words
	{"not responsible, a policy", "We are not responsible for items lost after delivery.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"what the shop answers for, stated as a policy"},
	{"not responsible, a shrug", "We're not responsible. Take it up with the courier.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"as a sentence of its own it shrugs the problem off"},
	{"deal with it, closing", "Sale items can't be returned, deal with it.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"the shrug closing a clause"},
	{"we'll deal with it", "Send us the photos and we'll deal with it.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"taking the matter on"},
	{"take your business elsewhere", "If our prices bother you, take your business elsewhere.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"the door shown"},
	{"if you don't like it, send it back", "If you don't like it, you can send it back within 30 days.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"a way out offered"},
	{"did you even check", "Did you even check the tracking page?",
		want{has: S{greeting.Blame}, hostile: yes},
		"the reader's effort doubted"},
	{"did you receive", "Did you receive the tracking email?",
		want{not: S{greeting.Blame}, hostile: no},
		"a plain question"},
	{"next time, pay attention", "Next time, pay attention to the delivery date.",
		want{has: S{greeting.Blame}, hostile: yes},
		"a telling-off for next time"},
	{"next time you order", "Next time you order, the discount applies automatically.",
		want{not: S{greeting.Blame}, hostile: no},
		"what happens next time"},
	{"stop emailing us", "Stop emailing us about the voucher.",
		want{has: S{greeting.Command}, hostile: yes},
		"the reader ordered to stop writing"},
	{"stop the direct debit", "Please stop the old direct debit once the new one is active.",
		want{not: S{greeting.Command}, hostile: no},
		"an instruction"},
	{"for the fourth time", "For the fourth time, the store does not open on Sundays.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"counting the times one has said it"},
	{"for the second time this week", "For the second time this week, we're sorry your parcel is late.",
		want{has: S{greeting.Apology}, not: S{greeting.Impatience}, hostile: no},
		"a repeated fault owned"},
	{"not going to repeat myself", "I am not going to repeat myself.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"refusing to say it again"},
	{"sorry to repeat myself", "Sorry to repeat myself, but the code expires tonight.",
		want{has: S{greeting.Apology}, not: S{greeting.Impatience}, hostile: no},
		"an apology for saying it again"},
	{"as I said earlier", "As I said earlier, the engineer arrives between eight and noon.",
		want{not: S{greeting.Impatience}, hostile: no},
		"a reminder that says when it was said"},
	{"not rocket science", "Honestly, it isn't rocket science, just tap Save.",
		want{has: S{greeting.Insult}, hostile: yes},
		"the reader treated as slow"},
	{"not rocket science, reassuring", "Don't worry, it's not rocket science, I'll walk you through it.",
		want{not: S{greeting.Insult}, hostile: no},
		"after a reassurance it promises an easy task"},
	{"is it that hard", "Is it that hard to tick one box?",
		want{has: S{greeting.Insult}, hostile: yes},
		"condescension as a question"},
	{"you're overreacting", "You're overreacting, it's one missing spoon.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"the complaint made small"},
	{"most ridiculous request", "That's the most ridiculous request I've had today.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"contempt for the request"},
	{"congratulations, locked out", "Congratulations, you've managed to lock yourself out again.",
		want{has: S{greeting.Insult}, hostile: yes},
		"sarcasm at the reader's expense"},
	{"well done, reset", "Well done, you've managed to reset the router yourself!",
		want{has: S{greeting.Deference}, not: S{greeting.Insult}, hostile: no},
		"sincere praise"},
	{"get a grip", "Get a grip, it's a two-minute delay.",
		want{has: S{greeting.Command}, hostile: yes},
		"told to pull oneself together"},
	{"get a grip on spending", "Get a grip on your spending with the budgeting tool.",
		want{not: S{greeting.Command}, hostile: no},
		"an invitation"},
	{"we've been over this", "We've been over this already, the fee stays.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"the ground gone over"},

	// Rude service replies, second round: the kinds reached by their building
	// blocks (the lesson drawn, the reader alone in the problem, the threat of
	// going on, sarcastic agreement, the door shown, the tautology, patience
	// run out, the reader named), each beside a civil twin that shares its
	// words where one exists
	{"what happens when you", "That's what happens when you ignore the delivery window.",
		want{has: S{greeting.Blame}, hostile: yes},
		"the lesson drawn from what the reader did"},
	{"what happens when the card expires", "That's what happens when the card expires: the bank declines the payment.",
		want{not: S{greeting.Blame}, hostile: no},
		"what happens to a card explains"},
	{"nobody else has had trouble", "Nobody else has had any trouble with the new app.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"the reader alone in the problem"},
	{"nobody else can see", "Nobody else can see your order without the code.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"a reassurance about privacy"},
	{"really need me to walk you through", "Do you really need me to walk you through a password reset?",
		want{has: S{greeting.Impatience}, hostile: yes},
		"the help offered as a sneer"},
	{"need me to walk you through", "Do you need me to walk you through the password reset?",
		want{has: S{greeting.Indirect}, not: S{greeting.Impatience}, hostile: no},
		"the help offered"},
	{"keep it up and we'll", "Keep it up and we'll cancel the membership.",
		want{has: S{greeting.Command}, hostile: yes},
		"a threat if it goes on"},
	{"keep it up, encouragement", "Keep it up, only one more form to fill in!",
		want{not: S{greeting.Command}, hostile: no},
		"encouragement"},
	{"oh sure, because", "Oh sure, because the weather is our fault, right?",
		want{has: S{greeting.Insult}, hostile: yes},
		"sarcastic agreement"},
	{"sure, because a member", "Sure, because you're a member, the upgrade is free.",
		want{has: S{greeting.Reassurance}, not: S{greeting.Insult}, hostile: no},
		"agreement with its reason"},
	{"feel free to leave", "Feel free to leave.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"the door shown"},
	{"feel free to leave a review", "Feel free to leave a review once the order arrives.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"an invitation"},
	{"arrives when it arrives", "It'll arrive when it arrives.",
		want{has: S{greeting.Dismissal}, hostile: yes},
		"the tautology that tells nothing"},
	{"arrives on tuesday", "It'll arrive on Tuesday, and we'll text you the time slot.",
		want{not: S{greeting.Dismissal}, hostile: no},
		"a date given"},
	{"try not to break this one", "Try not to break this one.",
		want{has: S{greeting.Command}, hostile: yes},
		"the replacement handed over with a sneer"},
	{"try not to bend the card", "Try not to bend the card when you insert it.",
		want{not: S{greeting.Command}, hostile: no},
		"advice"},
	{"patience wearing thin", "My patience is wearing thin.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"the writer's patience run out"},
	{"thanks for your patience", "Thank you for your patience while we fix the line.",
		want{has: S{greeting.Gratitude}, not: S{greeting.Impatience}, hostile: no},
		"the reader's patience thanked"},
	{"you're exhausting", "You're exhausting.",
		want{has: S{greeting.Insult}, hostile: yes},
		"the reader named by what they are like"},
	{"can't you just read", "Can't you just read the confirmation email?",
		want{has: S{greeting.Insult}, hostile: yes},
		"the obvious put with 'just'"},
	{"had you read the email", "Had you read the email, you'd have the code.",
		want{has: S{greeting.Blame}, hostile: yes},
		"a condition that blames"},
	{"you've been warned", "You've been warned.",
		want{has: S{greeting.Command}, hostile: yes},
		"a warning as a sentence of its own"},
	{"you've been refunded", "You've been refunded in full.",
		want{not: S{greeting.Command}, hostile: no},
		"what was done for the reader"},

	{"vulgar slur", "Stop whining, you pussy.",
		want{has: S{greeting.Profanity}, hostile: yes},
		"pussy as a slur is vulgar"},
	{"the cat", "Our shop cat is a sweet pussycat, say hi to her when you visit.",
		want{not: S{greeting.Profanity}, hostile: no},
		"a pussycat is a cat"},

	{"an offer runs out", "Hurry, the sale ends at midnight!",
		want{not: S{greeting.Impatience}, hostile: no},
		"the hurry of an offer orders nobody"},
	{"hurry up", "Hurry up, I don't have all day.",
		want{has: S{greeting.Impatience}, hostile: yes},
		"hurrying the reader"},

	// @handles: a reply on a social network opens with whom it answers
	{"handle before a greeting", "@JaneDoe Hi Jane, thanks for waiting!",
		want{has: S{greeting.Greeting, greeting.Gratitude}, greeting: ptr("Hi"), courtesyOnly: yes},
		"the handle is no content word, and the greeting opens the message"},
	{"handle before an order", "@AcmeHelp @JaneDoe Go back to your country",
		want{has: S{greeting.Insult}, hostile: yes},
		"an order that must open its sentence opens it after the handles"},
	{"handle inside thanks", "Thanks @JaneDoe for the quick reply",
		want{has: S{greeting.Gratitude}, courtesyOnly: yes},
		"a handle in the middle of thanks is left out of them"},
	{"insult in a handle", "@angry_idiot_99 Your parcel left the warehouse today.",
		want{hostile: no},
		"an insult in a user name is not said to the reader"},
	{"address with an at", "Please write to help@acme.com",
		want{has: S{greeting.Please}, courtesyOnly: no},
		"an e-mail address is no handle"},

	// Hostility as comments and tweets write it: Wikipedia talk pages (edit
	// wars, threats, "go back to your country") and replies to public figures
	// and groups, each beside a harmless twin that shares its words.
	{"talk page insult", "Quit undoing my changes, you absolute buffoon.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a name for a person with no harmless sense"},
	{"insult reported", "Someone called me a moron in an edit summary, can an admin look at it?",
		want{not: S{greeting.Insult}, hostile: no},
		"a name reported is a complaint, not an insult to the reader"},
	{"threat", "Revert me again and I will find you.",
		want{has: S{greeting.Insult}, hostile: yes},
		"finding the reader as the last words of a sentence threatens"},
	{"finding a flight", "Send me the booking number and I will find you a later flight.",
		want{not: S{greeting.Insult}, hostile: no},
		"finding the reader something helps"},
	{"wish of harm", "I hope you get hit by a truck.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a wish of harm"},
	{"wish of a truck", "I hope you get the new truck by Friday.",
		want{not: S{greeting.Insult}, hostile: no},
		"a wish of something good"},
	{"rot in prison", "Lock him up and let him rot in prison.",
		want{has: S{greeting.Insult}, hostile: yes},
		"wishing a person to rot"},
	{"apples rot", "The apples were left to rot in the barn.",
		want{not: S{greeting.Insult}, hostile: no},
		"fruit rots"},
	{"group as a disease", "Feminists are a cancer on society.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a whole group called a disease"},
	{"group in politics", "Feminists are a growing force in the party.",
		want{not: S{greeting.Insult}, hostile: no},
		"a group discussed without contempt"},
	{"group without brains", "Conservatives have no brains, honestly.",
		want{has: S{greeting.Insult}, hostile: yes},
		"contempt for a group's mind"},
	{"jellyfish without brains", "Jellyfish have no brains, but they do have nerves.",
		want{not: S{greeting.Insult}, hostile: no},
		"biology, not contempt"},
	{"iq of a houseplant", "You have the IQ of a houseplant.",
		want{has: S{greeting.Insult}, hostile: yes},
		"contempt for the reader's mind"},
	{"iq measured", "The test measures the IQ of a child at age seven.",
		want{not: S{greeting.Insult}, hostile: no},
		"an IQ measured belongs to nobody here"},
	{"snowflake taunt", "Cry harder, snowflake.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a taunt and a political slur"},
	{"snowflake weather", "The first snowflake fell on the window this morning.",
		want{not: S{greeting.Insult}, hostile: no},
		"snow"},
	{"filthy pig", "Get off my talk page, you filthy pig.",
		want{has: S{greeting.Insult, greeting.Command}, hostile: yes},
		"an animal word aimed at the reader"},
	{"pig farmer", "He is a pig farmer in Iowa.",
		want{not: S{greeting.Insult}, hostile: no},
		"an animal word that names a trade"},
	{"sit down clown", "Sit down, clown 🤡",
		want{has: S{greeting.Insult}, hostile: yes},
		"a clown told to sit down, with the clown face"},
	{"circus clown", "The clown at the party juggled five balls.",
		want{not: S{greeting.Insult}, hostile: no},
		"a clown who juggles"},
	{"self blame", "I was a total idiot to pay for the upgrade.",
		want{not: S{greeting.Insult}, hostile: no},
		"the writer calling themselves names"},
	{"kys", "@USER kys loser",
		want{has: S{greeting.Insult}, hostile: yes},
		"the abbreviated wish of death"},
	{"kill the process", "Kill the old process before you restart the service.",
		want{not: S{greeting.Insult}, hostile: no},
		"killing a process"},
	{"masked swearing", "@USER you absolute a**hole",
		want{has: S{greeting.Profanity}, hostile: yes},
		"stars between letters hide letters"},
	{"a word named", "Words like retard were removed from the style guide.",
		want{not: S{greeting.Insult}, hostile: no},
		"a slur named as a word is said of nobody"},
	{"go back to your country", "Go back to your own country and stop editing.",
		want{has: S{greeting.Insult}, hostile: yes},
		"identity hate"},
	{"go back to the page", "Go back to the previous page and save your edits.",
		want{not: S{greeting.Insult}, hostile: no},
		"an instruction"},
	{"regret, threat", "You'll regret ever crossing me.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a threat"},
	{"regret, negated", "You won't regret trying the new menu.",
		want{not: S{greeting.Insult}, hostile: no},
		"a recommendation"},

	// Hostility as comments and tweets write it, second round: wishes of
	// death put as orders, threats of coming for someone, superlatives of
	// contempt, groups called vermin or plotters, contempt for a life's
	// worth, the reader's family, orders to leave for good; each beside a
	// harmless twin that shares its words.
	{"round2: the dumbest in the room, oneself", "I felt like the dumbest person in the room.",
		want{not: S{greeting.Insult}, hostile: no},
		"the writer's own superlative insults nobody"},
	{"round2: the worst editor, a program", "This is the worst editor I've ever used.",
		want{not: S{greeting.Insult}, hostile: no},
		"a text editor judged is no person insulted"},
	{"go play on the freeway", "Take your edits and go play on the freeway.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a wish of death put as an order"},
	{"go play in the park", "The kids go play in the park after school.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"children playing"},
	{"a favour: stop breathing", "Do the whole internet a favor and stop breathing.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a wish of death asked as a favour"},
	{"a favour: a key", "Do me a favour and bring the spare key tomorrow.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"an ordinary favour"},
	{"better off without you", "This wiki would be better off without you.",
		want{has: S{greeting.Insult}, hostile: yes},
		"the world better without the reader"},
	{"better off without an add-on", "You'd be better off without the premium add-on.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"advice about a product"},
	{"coming for you", "Keep it up, I'm coming for you.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a threat of coming for the reader"},
	{"coming for you at nine", "Stay at the hotel, I'm coming for you at nine.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"a lift offered"},
	{"brave in real life", "You wouldn't be so tough in real life.",
		want{has: S{greeting.Insult}, hostile: yes},
		"the reader dared to meet in person"},
	{"so tired", "You wouldn't be so tired if you slept more.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"advice"},
	{"stupidest admin", "Honestly the stupidest admin on this project.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a superlative of contempt aimed at a person"},
	{"stupidest thing I did", "The stupidest thing I did was leave my keys in the car.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"the writer's own mistake"},
	{"dumber than a sack", "You're dumber than a sack of potatoes.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a comparative of contempt for the reader's mind"},
	{"dumber sequel", "The sequel is dumber than the original but still fun.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"a film compared with a film"},
	{"globalists run the banks", "Globalists run the banks and the news.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a conspiratorial claim about a group"},
	{"families run a bakery", "Three families run the bakery on our street.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"people running a shop"},
	{"group sent back", "Refugees should all be sent back.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a group fit for deportation"},
	{"units sent back", "Faulty units should all be sent back to the warehouse.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"goods returned"},
	{"typical npc", "Typical NPC, repeating the same script.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a person called a character with no mind of their own"},
	{"npc in a game", "Talk to the NPC by the gate to start the quest.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"a character in a game"},
	{"nobody would miss you", "No one would miss you if you left.",
		want{has: S{greeting.Insult}, hostile: yes},
		"contempt for the reader's worth"},
	{"nobody would miss a page", "No one would miss the old login page.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"a page nobody needs"},
	{"die alone", "You will die alone and unloved.",
		want{has: S{greeting.Insult}, hostile: yes},
		"a life foretold as worthless"},
	{"died alone at sea", "Sadly, the old sailor died alone at sea.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"a death reported with sorrow"},
	{"family inbred", "Your whole family is inbred.",
		want{has: S{greeting.Insult}, hostile: yes},
		"the reader's family insulted"},
	{"family invited", "Your whole family is invited to the picnic.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"the reader's family invited"},
	{"never come back", "Get off this website and never come back.",
		want{has: S{greeting.Command}, hostile: yes},
		"an order to leave for good"},
	{"get off the train", "Get off the train at the last stop.",
		want{not: S{greeting.Insult, greeting.Command}, hostile: no},
		"directions"},

	// Courtesy only: a message that greets, thanks or takes leave and says
	// nothing else, beside its twin that goes on to something.
	{"thanks so much", "Thanks so much!",
		want{courtesyOnly: yes},
		"thanks alone"},
	{"thanks with a question", "Thanks. When will it arrive?",
		want{courtesyOnly: no},
		"a question follows the thanks"},
	{"thanks for the quick reply", "thank you for the quick reply",
		want{courtesyOnly: yes},
		"what the thanks are for is part of them"},
	{"thanks but", "Thanks, but my parcel is still missing",
		want{courtesyOnly: no},
		"thanks that open a complaint"},
	{"great thanks", "Great, thanks!",
		want{courtesyOnly: yes},
		"an acknowledgement and thanks"},
	{"sounds good", "Sounds good, thank you",
		want{courtesyOnly: yes},
		"agreeing and thanking"},
	{"ok thanks and a question", "ok thanks, and the refund?",
		want{courtesyOnly: no},
		"thanks that go on to ask"},
	{"many thanks for the help", "Many thanks for your help, much appreciated",
		want{courtesyOnly: yes},
		"thanks said twice over"},
	{"that's all", "No, that's everything. Thank you!",
		want{courtesyOnly: yes},
		"declining more help and thanking"},
	{"hi there", "Hi there!",
		want{courtesyOnly: yes},
		"a greeting alone"},
	{"hi with a question", "Hello, I have a question",
		want{courtesyOnly: no},
		"a greeting that announces a question"},
	{"hello where is", "Hi, where is my order?",
		want{courtesyOnly: no},
		"a greeting that opens a request"},
	{"greeting and how are you", "Good morning! How are you?",
		want{courtesyOnly: yes},
		"asking after the reader is courtesy"},
	{"greeting and name", "Hey Sam",
		want{courtesyOnly: yes},
		"a greeting and the reader's name"},
	{"introduction", "Hi, I'm Anna from billing",
		want{courtesyOnly: no},
		"the writer introduces herself: a name and a department"},
	{"goodbye wishes", "Thanks, have a great day!",
		want{courtesyOnly: yes},
		"thanks and good wishes"},
	{"you too", "Thank you, you too!",
		want{courtesyOnly: yes},
		"returning good wishes"},
	{"take care", "Take care!",
		want{courtesyOnly: yes},
		"taking leave"},
	{"got it", "Got it, thanks!",
		want{courtesyOnly: yes},
		"understood, and thanks"},
	{"bare ok", "Okay.",
		want{courtesyOnly: no},
		"an acknowledgement without courtesy answers, it does not greet or thank"},
	{"thanks for nothing", "Thanks for nothing",
		want{courtesyOnly: no},
		"sarcasm, not thanks"},
}

func TestReportJSON(t *testing.T) {
	r := greeting.Check("Good morning Marco, thank you for waiting.", language.English)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := "closing formality greeting hostile lang markers politeness register"; strings.Join(keys, " ") != want {
		t.Errorf("report keys = %v, want %s", keys, want)
	}
	g := got["greeting"].(map[string]any)
	if g["text"] != "Good morning" || g["start"] != 0.0 || g["end"] != 12.0 || g["part_of_day"] != "morning" {
		t.Errorf("greeting = %v", g)
	}
	if got["lang"] != "en" || got["closing"] != nil {
		t.Errorf("lang = %v, closing = %v", got["lang"], got["closing"])
	}
	m := got["markers"].([]any)[0].(map[string]any)
	for _, k := range []string{"strategy", "start", "end", "text", "weight"} {
		if _, ok := m[k]; !ok {
			t.Errorf("marker lacks %q: %v", k, m)
		}
	}
	var back greeting.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("a report does not unmarshal: %v", err)
	}
	if back.Greeting.PartOfDay != greeting.Morning || !back.Has(greeting.Gratitude) {
		t.Errorf("round trip lost data: %+v", back)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	for _, s := range []string{"", "   ", "\xff\xfe", "!!!", "????", "🙂", strings.Repeat("a", 1<<20)} {
		r := greeting.Check(s, language.Und)
		if r.Lang == language.Und {
			t.Errorf("Check(%.20q).Lang = und; the fallback language should be reported", s)
		}
		if r.Politeness < -1 || r.Politeness > 1 || r.Formality < -1 || r.Formality > 1 {
			t.Errorf("Check(%.20q) out of range: %+v", s, r)
		}
	}
	if r := greeting.Check("", language.English); len(r.Markers) != 0 || r.Hostile || r.Register != greeting.Unknown || r.Politeness >= 0 && r.Politeness != r.Politeness {
		t.Errorf("empty message: %+v", r)
	}
}

func TestLanguageResolution(t *testing.T) {
	tests := []struct {
		tag    string
		want   language.Tag
		reason string
	}{
		{"en-GB", language.English, "a regional tag finds its language"},
		{"en-US", language.English, "a regional tag finds its language"},
		{"it-CH", language.Italian, "Swiss Italian is Italian"},
		{"tlh", language.English, "a tag with no data falls back to detection, English here"},
	}
	for _, tt := range tests {
		r := greeting.Check("Thank you for waiting.", language.MustParse(tt.tag))
		if r.Lang != tt.want {
			t.Errorf("Check(_, %s).Lang = %v, want %v (%s)", tt.tag, r.Lang, tt.want, tt.reason)
		}
	}
}

func TestPartOfDayFits(t *testing.T) {
	tests := []struct {
		p      greeting.PartOfDay
		hour   int
		want   bool
		reason string
	}{
		{greeting.Morning, 9, true, "good morning at nine"},
		{greeting.Morning, 21, false, "no good morning at nine in the evening"},
		{greeting.Evening, 21, true, "good evening at nine in the evening"},
		{greeting.Evening, 2, true, "late-night shifts still say good evening"},
		{greeting.Evening, 10, false, "no good evening in the morning"},
		{greeting.Day, 15, true, "buongiorno in the afternoon is fine"},
		{greeting.Day, 20, false, "buongiorno at eight in the evening is not"},
		{greeting.Night, 23, true, "good night late"},
		{greeting.AnyTime, 3, true, "hello fits any hour"},
	}
	for _, tt := range tests {
		if got := tt.p.Fits(tt.hour); got != tt.want {
			t.Errorf("%v.Fits(%d) = %v, want %v (%s)", tt.p, tt.hour, got, tt.want, tt.reason)
		}
	}
}

func TestSpansPointIntoOriginal(t *testing.T) {
	text := "ＨＥＬＬＯ Café-owner, thank\u00a0you!! Perché?"
	r := greeting.Check(text, language.English)
	if len(r.Markers) == 0 {
		t.Fatal("no markers")
	}
	for _, m := range r.Markers {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("marker %v: text[%d:%d] = %q, Text = %q", m.Strategy, m.Start, m.End, text[m.Start:m.End], m.Text)
		}
	}
	if !r.Has(greeting.Gratitude) || r.Greeting == nil || r.Greeting.Text != "ＨＥＬＬＯ" {
		t.Errorf("full-width greeting or no-break-space thanks missed: %v", found(r))
	}
}

func FuzzCheck(f *testing.F) {
	// Seeds: every language's table of cases, with its tag, und and a bad tag.
	for lang, cases := range casesByLang {
		for _, c := range cases {
			f.Add(c.text, lang)
		}
	}
	for _, s := range []string{
		"You said 'this is stupid' — \"no\" «non» „nein“ 「いいえ」",
		"ＷＨＥＲＥ IS MY ORDER?!?! ゟ ﷺ e\u0301 \xff",
	} {
		f.Add(s, "und")
		f.Add(s, "zz-!!")
	}
	f.Fuzz(func(t *testing.T, text, tag string) {
		lang, _ := language.Parse(tag) // a bad tag gives Und: detection
		r := greeting.Check(text, lang)
		again := greeting.Check(text, lang)
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("two checks of %q differ:\n%s\n%s", text, a, b)
		}
		spans := []*greeting.Phrase{r.Greeting, r.Closing}
		for _, p := range spans {
			if p != nil && (p.Start < 0 || p.End > len(text) || p.Start >= p.End || text[p.Start:p.End] != p.Text) {
				t.Fatalf("phrase %+v outside %q", p, text)
			}
		}
		for _, m := range r.Markers {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("marker %+v outside %q", m, text)
			}
			if !onBoundary(text, m.Start) || !onBoundary(text, m.End) {
				t.Fatalf("marker %+v not on a rune boundary of %q", m, text)
			}
		}
		if r.Politeness < -1 || r.Politeness > 1 || r.Formality < -1 || r.Formality > 1 {
			t.Fatalf("scores out of range: %+v", r)
		}
		seen := make(map[string]bool)
		for _, w := range r.Content {
			if seen[w] || w == "" {
				t.Fatalf("content words %q not distinct or empty: %q", r.Content, w)
			}
			seen[w] = true
		}
		if got := r.TakesUp(&r); got != 1 {
			t.Fatalf("a report takes up %v of its own content words %q, want 1", got, r.Content)
		}
		social := r.Has(greeting.Greeting) || r.Has(greeting.Closing) || r.Has(greeting.Gratitude)
		if r.CourtesyOnly && (r.Hostile || r.Has(greeting.Criticism) || !social || len(r.Content) > 1) {
			t.Fatalf("%q is courtesy only, with hostile=%v, criticism=%v, no greeting, closing or thanks=%v, content words %q",
				text, r.Hostile, r.Has(greeting.Criticism), !social, r.Content)
		}
	})
}

// onBoundary reports whether i starts a rune (or an invalid byte) of s, or is len(s).
func onBoundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return i == len(s)
}
