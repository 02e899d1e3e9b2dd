package clean

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang guesses the ISO 639-1 code of the language a text is written in, or returns "" when
// unsure. Scripts that belong to one language decide alone (Greek, Hebrew, Hangul, kana, Thai,
// ...); for Latin and Cyrillic text it counts the stopwords of each language and the letters that
// only some of them use (і and ї in Ukrainian, ы and э in Russian, ß in German). It reads at most
// the first langSample bytes, so it costs the same on any article.
func Lang(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var c langCounter
	for i := 0; i < len(text); {
		b := text[i]
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			c.add(r)
			i += size
			continue
		}
		// ASCII, most of most texts, without asking unicode: b|0x20 is the lower case of a
		// letter and of nothing else in 'a'..'z'.
		if lb := b | 0x20; lb >= 'a' && lb <= 'z' {
			c.letters++
			c.latin++
			c.push(lb)
		} else {
			c.endWord()
		}
		i++
	}
	c.endWord()
	return c.guess()
}

const (
	langSample   = 4 << 10
	langMinHits  = 3 // stopwords and telling letters needed before guessing
	langMinRunes = 20
)

// langs are the languages told apart by stopwords, in the order of their bit in stopwords.
var langs = [...]string{"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "ru", "uk", "bg", "be", "sr", "mk"}

const (
	langEN = iota
	langDE
	langFR
	langES
	langIT
	langPT
	langNL
	langPL
	langSV
	langRU
	langUK
	langBG
	langBE
	langSR
	langMK
)

// stopwordLists are the frequent words of each language, by its index in langs.
var stopwordLists = map[int]string{
	langEN: "the and of to is was that for on with as are be by this it from at have has had not but or an which will would their they he she were been said its who after",
	langDE: "der die das und ist nicht ein eine zu den dem des mit von sich auf für im auch es wird werden dass nach bei aus hat sind wie oder noch einen einer über war wurde sie er",
	langFR: "le la les des du de et est un une en que qui dans pour pas sur au aux avec ce cette il elle ne son sa ses par plus mais ont été sont nous vous leur",
	langES: "el la los las del de que y en por con para una es se su al lo como más pero sus le ha este esta también fue entre sobre sin muy hay ya",
	langIT: "il lo la gli le di del della dei che e è un una per con non si da dal nel nella sono ha anche come più ma questo alla al degli delle",
	langPT: "o os as do da dos das que e em no na nos por com para uma um é se ao não mais como mas seu sua foi entre sobre também pelo pela ele",
	langNL: "de het een en van is dat die in op te voor met zijn niet aan ook er om maar als bij door wordt werd hij ze naar nog dan was",
	langPL: "i w na z się nie do to że jest o jak po co ale za od przez oraz jego tak być są dla tym który która które może",
	langSV: "och att det som en är av för med till den på inte har om ett var jag de men så från vid kan också efter eller sig",
	langRU: "и в не на что с по это как он к из за для о от но а его также был была было были уже при так же только или если бы чтобы который её ее их этом после",
	langUK: "і в у на що не з до та як це за від для й його але про також був була було були вже при так тільки або якщо щоб який яка які її їх після із між",
	langBG: "и в на е се за да от че с по не са това като ще но си му бе бил беше след който която които до при във със или",
	langBE: "і ў у на што не з да як гэта за ад для яго але пра таксама быў была было былі ужо пры толькі або калі каб які якая якія",
	langSR: "и у на је се за да од што са по не као али ће из били био била они јер још",
	langMK: "и во на е се за да од што со по не како но ќе ги го беше биле бил која кој",
}

// stopwords holds, for each lowercased word, the set (one bit per entry of langs) of languages
// it is frequent in. It is built once and only read.
var stopwords = buildStopwords(stopwordLists)

// stopwordSlots is the size of stopwordTable: a power of two, at least twice the words.
const stopwordSlots = 1 << 10

// stopwordTable is a hash table of the stopwords, open-addressed, looked up with the hash
// langCounter computes as it reads a word: a word costs one probe or two, not a map lookup with
// its own hashing, and Lang looks up every word it reads.
type stopwordTable struct {
	words [stopwordSlots]string
	sets  [stopwordSlots]uint32
}

// wordHash adds byte b to the FNV-1a hash h of a word.
func wordHash(h uint32, b byte) uint32 {
	return (h ^ uint32(b)) * 16777619
}

func buildStopwords(lists map[int]string) *stopwordTable {
	t := new(stopwordTable)
	n := 0
	for lang, words := range lists {
		for _, w := range strings.Fields(words) {
			var h uint32
			for i := 0; i < len(w); i++ {
				h = wordHash(h, w[i])
			}
			k := h % stopwordSlots
			for t.words[k] != "" && t.words[k] != w {
				k = (k + 1) % stopwordSlots
			}
			if t.words[k] == "" {
				if n++; n*2 > stopwordSlots {
					panic("clean: too many stopwords for stopwordSlots")
				}
				t.words[k] = w
			}
			t.sets[k] |= 1 << lang
		}
	}
	return t
}

// lookup returns the languages of word, whose wordHash is h; 0 when it is no stopword.
func (t *stopwordTable) lookup(word []byte, h uint32) uint32 {
	for k := h % stopwordSlots; t.words[k] != ""; k = (k + 1) % stopwordSlots {
		if t.words[k] == string(word) {
			return t.sets[k]
		}
	}
	return 0
}

// langCounter gathers the statistics Lang decides on.
type langCounter struct {
	letters, latin, cyrillic  int
	script                    map[string]int // languages told by a script of their own
	hits                      [len(langs)]int
	word                      [32]byte
	wordLen                   int
	wordHash                  uint32 // of word[:wordLen]
	overflow                  bool
	arabicPersian, arabicUrdu int
	kana                      int
}

func (c *langCounter) add(r rune) {
	// No mark is below U+0300: most letters are told without a table search.
	if !unicode.IsLetter(r) && (r < 0x300 || !unicode.Is(unicode.Mn, r)) {
		c.endWord()
		return
	}
	c.letters++
	c.letter(r)
	lr := unicode.ToLower(r)
	var buf [utf8.UTFMax]byte
	for _, b := range utf8.AppendRune(buf[:0], lr) {
		c.push(b)
	}
}

// push adds a byte of a lowercased letter to the word being read.
func (c *langCounter) push(b byte) {
	if c.overflow || c.wordLen == len(c.word) {
		c.overflow = true
		return
	}
	c.word[c.wordLen] = b
	c.wordLen++
	c.wordHash = wordHash(c.wordHash, b)
}

func (c *langCounter) endWord() {
	if c.wordLen > 0 && !c.overflow {
		for set := stopwords.lookup(c.word[:c.wordLen], c.wordHash); set != 0; set &= set - 1 {
			c.hits[bits.TrailingZeros32(set)]++
		}
	}
	c.wordLen, c.wordHash, c.overflow = 0, 0, false
}

// letter counts a letter's script and what it tells about the language.
func (c *langCounter) letter(r rune) {
	switch {
	case r < 0x250:
		c.latin++
		switch lr := unicode.ToLower(r); lr {
		case 'ß', 'ä', 'ö', 'ü':
			c.hits[langDE]++
			if lr == 'ö' || lr == 'ä' {
				c.hits[langSV]++
			}
		case 'ñ':
			c.hits[langES]++
		case 'ã', 'õ':
			c.hits[langPT]++
		case 'ç':
			c.hits[langFR]++
			c.hits[langPT]++
		case 'è', 'ê', 'à', 'ù', 'û', 'ë', 'î', 'ô':
			c.hits[langFR]++
		case 'ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ć', 'ń':
			c.hits[langPL]++
		case 'å':
			c.hits[langSV]++
		case 'ĳ':
			c.hits[langNL]++
		}
	case r >= 0x400 && r <= 0x4FF:
		c.cyrillic++
		switch unicode.ToLower(r) {
		case 'і', 'ї', 'є', 'ґ':
			// Belarusian writes і too, but ў tells it apart.
			c.hits[langUK]++
		case 'ы', 'э':
			c.hits[langRU]++
			c.hits[langBE]++
		case 'ё':
			c.hits[langRU]++
		case 'ъ':
			c.hits[langBG]++
		case 'ў':
			c.hits[langBE] += 3
		case 'ј', 'љ', 'њ':
			c.hits[langSR]++
			c.hits[langMK]++
		case 'ћ', 'ђ':
			c.hits[langSR] += 2
		case 'ѓ', 'ќ', 'ѕ':
			c.hits[langMK] += 2
		}
	default:
		if c.script == nil {
			c.script = make(map[string]int)
		}
		if lang := scriptLang(r); lang != "" {
			c.script[lang]++
		}
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
			c.arabicPersian++
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
			c.arabicUrdu++
		}
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			c.kana++
		}
	}
}

// scriptLang names the language a letter's script stands for on its own (Han: Chinese unless
// kana shows Japanese; Arabic: refined by guess).
func scriptLang(r rune) string {
	switch {
	case unicode.Is(unicode.Greek, r):
		return "el"
	case unicode.Is(unicode.Hebrew, r):
		return "he"
	case unicode.Is(unicode.Arabic, r):
		return "ar"
	case unicode.Is(unicode.Hangul, r):
		return "ko"
	case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han):
		return "zh"
	case unicode.Is(unicode.Thai, r):
		return "th"
	case unicode.Is(unicode.Devanagari, r):
		return "hi"
	case unicode.Is(unicode.Georgian, r):
		return "ka"
	case unicode.Is(unicode.Armenian, r):
		return "hy"
	}
	return ""
}

func (c *langCounter) guess() string {
	if c.letters < langMinRunes {
		return ""
	}
	best, bestN := "", 0
	for lang, n := range c.script {
		if n > bestN || (n == bestN && lang < best) {
			best, bestN = lang, n
		}
	}
	if bestN*2 > c.letters {
		switch best {
		case "zh":
			if c.kana*10 > bestN {
				return "ja"
			}
		case "ar":
			if c.arabicUrdu > 2 {
				return "ur"
			}
			if c.arabicPersian > 2 {
				return "fa"
			}
		}
		return best
	}
	var candidates []int
	switch {
	case c.latin*2 > c.letters:
		candidates = []int{langEN, langDE, langFR, langES, langIT, langPT, langNL, langPL, langSV}
	case c.cyrillic*2 > c.letters:
		candidates = []int{langRU, langUK, langBG, langBE, langSR, langMK}
	default:
		return ""
	}
	first, second := -1, 0
	for _, l := range candidates {
		switch {
		case first < 0 || c.hits[l] > c.hits[first]:
			if first >= 0 {
				second = c.hits[first]
			}
			first = l
		case c.hits[l] > second:
			second = c.hits[l]
		}
	}
	// A clear winner: enough evidence, and a quarter more than the runner-up.
	if c.hits[first] < langMinHits || c.hits[first]*4 < second*5 {
		return ""
	}
	return langs[first]
}
