package clean_test

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/clean"
)

func TestLang(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"en", "The council of the small town voted on Tuesday to build a bridge over the river, and the mayor said that work would start in the spring.", "en"},
		{"ru", "Совет небольшого города во вторник проголосовал за строительство моста через реку, и мэр сказал, что работы начнутся весной. Жители это решение поддержали.", "ru"},
		{"uk", "Рада невеликого міста у вівторок проголосувала за будівництво мосту через річку, і мер сказав, що роботи почнуться навесні. Мешканці підтримали це рішення.", "uk"},
		{"de", "Der Rat der kleinen Stadt hat am Dienstag beschlossen, eine Brücke über den Fluss zu bauen, und der Bürgermeister sagte, dass die Arbeiten im Frühjahr beginnen.", "de"},
		{"fr", "Le conseil de la petite ville a voté mardi pour construire un pont sur la rivière, et le maire a dit que les travaux commenceront au printemps avec les habitants.", "fr"},
		{"es", "El consejo de la pequeña ciudad votó el martes para construir un puente sobre el río, y el alcalde dijo que las obras comenzarán en la primavera con los vecinos.", "es"},
		{"it", "Il consiglio della piccola città ha votato martedì per costruire un ponte sul fiume, e il sindaco ha detto che i lavori inizieranno in primavera con gli abitanti.", "it"},
		{"pt", "O conselho da pequena cidade votou na terça-feira para construir uma ponte sobre o rio, e o prefeito disse que as obras vão começar na primavera com os moradores.", "pt"},
		{"nl", "De raad van het kleine stadje heeft dinsdag gestemd voor de bouw van een brug over de rivier, en de burgemeester zei dat het werk in het voorjaar begint.", "nl"},
		{"pl", "Rada małego miasta we wtorek zagłosowała za budową mostu na rzece, a burmistrz powiedział, że prace zaczną się wiosną i nie potrwają długo.", "pl"},
		{"sv", "Rådet i den lilla staden röstade på tisdagen för att bygga en bro över floden, och borgmästaren sa att arbetet ska börja till våren.", "sv"},
		{"bg", "Съветът на малкия град гласува във вторник за изграждането на мост над реката, а кметът каза, че работата ще започне през пролетта.", "bg"},
		{"be", "Савет невялікага горада ў аўторак прагаласаваў за будаўніцтва моста праз раку, і мэр сказаў, што працы пачнуцца ўвесну.", "be"},
		{"sr", "Савет малог града је у уторак гласао за изградњу моста преко реке, а градоначелник је рекао да ће радови почети на пролеће.", "sr"},
		{"el", "Το συμβούλιο της μικρής πόλης ψήφισε την Τρίτη για την κατασκευή μιας γέφυρας πάνω από το ποτάμι.", "el"},
		{"ja", "小さな町の議会は火曜日、川に橋を架けることを決めました。工事は春に始まる予定です。", "ja"},
		{"zh", "这个小镇的议会星期二投票决定在河上建一座桥，镇长说工程将在春天开始。", "zh"},
		{"ko", "작은 마을의 의회는 화요일에 강 위에 다리를 짓기로 결정했고 시장은 공사가 봄에 시작된다고 말했다.", "ko"},
		{"ar", "صوت مجلس البلدة الصغيرة يوم الثلاثاء على بناء جسر فوق النهر وقال رئيس البلدية إن العمل سيبدأ في الربيع.", "ar"},
		{"he", "מועצת העיירה הקטנה הצביעה ביום שלישי על בניית גשר מעל הנהר, וראש העיר אמר שהעבודות יתחילו באביב.", "he"},
		{"english with foreign names", "Foreign Minister Radosław Sikorski met Zoë Müller and the Ukrainian envoy in Kraków, where they said that the talks had been useful for both sides.", "en"},
		{"too short", "Bridge", ""},
		{"numbers only", "2025 — 14:30 / 3,5 %", ""},
		{"no stopwords", "Xyloph qwerty zzyzx blorf snark wibble frobnicate", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean.Lang(tt.text); got != tt.want {
				t.Errorf("Lang(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLangLongText(t *testing.T) {
	// Lang reads a bounded prefix: a long text decides as its beginning does.
	text := strings.Repeat(body1+" ", 200) + strings.Repeat("Рада міста проголосувала за будівництво мосту. ", 200)
	if got := clean.Lang(text); got != "en" {
		t.Errorf("Lang(long English then Ukrainian) = %q, want en", got)
	}
}

func BenchmarkLang(b *testing.B) {
	text := strings.Repeat(body1+" "+body2+" "+body3+"\n\n", 12)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		clean.Lang(text)
	}
}
