package timex

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestZZOne(t *testing.T) {
	s := os.Getenv("TX_TEXT")
	if s == "" {
		t.Skip()
	}
	tg, _ := Default()
	ref, _ := time.Parse("2006-01-02", os.Getenv("TX_REF"))
	for _, e := range tg.Tag(s, ref) {
		fmt.Printf("%q %s %s %s\n", e.Text, e.Type, e.Value, e.Mod)
	}
}
