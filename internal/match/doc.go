// Package match is the text engine behind the greeting checker: it
// normalises a message once (NFKC, Unicode case folding, accents folded on
// Latin letters, full-width forms folded), splits it into tokens whose
// offsets point into the original bytes, and finds every phrase of a
// compiled [Set] in one left-to-right pass over the tokens.
//
// Words are runs of letters and digits; scripts written without spaces
// (Han, Hiragana, Katakana, Hangul) give one token per character, so their
// phrases match without word boundaries, and a Set knows a traditional
// Chinese character as its simplified form. Punctuation that ends a clause
// (.,;:!? and their CJK forms, dashes, brackets, quotes, line breaks) marks
// the next token, and a phrase never matches across such a break unless it
// was written with one. An @handle opening a word ("@AcmeHelp") gives no
// token: the words after it read as if it were not there, so a reply that
// opens with the handles it answers starts its first sentence after them.
//
// Nothing here knows about languages or strategies: the greeting package
// turns phrase data into a Set and reads the matches.
package match
