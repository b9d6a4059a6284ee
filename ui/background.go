package ui

// goBackground runs f away from the window's thread; f hands its results
// back with fyne.Do. All the window's background work goes through here.
//
// Tests set testHookInline and f runs at once: Fyne's test driver runs
// fyne.Do on the calling goroutine, so work left on a goroutine would lay
// out widgets while the test does (and the text shaper is not safe for
// that).
func goBackground(f func()) {
	if testHookInline {
		f()
		return
	}
	go f()
}

// testHookInline makes goBackground run its work at once (set by tests).
var testHookInline bool
