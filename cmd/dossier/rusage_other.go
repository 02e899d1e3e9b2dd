//go:build !unix

package main

import (
	"fmt"
	"runtime"
)

// peakMemory reports the most memory the Go runtime obtained from the system, where the peak
// resident set size is not available.
func peakMemory() string {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return fmt.Sprintf("%.1f MB (Go runtime, from the system)", float64(ms.Sys)/1e6)
}
