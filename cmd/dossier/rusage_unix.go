//go:build unix

package main

import (
	"fmt"
	"runtime"
	"syscall"
)

// peakMemory reports the process's peak resident set size.
func peakMemory() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "unknown"
	}
	maxrss := ru.Maxrss * 1024 // kilobytes on Linux and the BSDs
	if runtime.GOOS == "darwin" {
		maxrss = ru.Maxrss // bytes on macOS
	}
	return fmt.Sprintf("%.1f MB (max RSS)", float64(maxrss)/1e6)
}
