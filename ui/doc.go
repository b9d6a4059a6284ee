// Package ui is the window of 巡察统筹: Fyne screens that draw what the
// application core (package app) gives and send the clerk's actions back
// to it. Every screen, form and dialog holds an *app.Service and goes
// through its methods; none touches the database or calls the
// capabilities behind the service (app/layering_test.go checks it). What
// stays here is drawing: widgets, layout, handlers and the words around
// them.
//
// A screen is a small struct holding its widgets and the service, built by
// newXxxScreen and laid out by build; its methods live in files prefixed by
// the screen (assign_*.go for assignScreen, recusal_*.go, calendar_*.go,
// person_*.go …). A screen that grows past some thirty methods is split
// into panels, structs of their own: 编组 into its team list, its slots,
// its issue tabs and its documents; 回避报告 keeps its override list
// apart. The window around the screens is mainWindow, in window*.go: the
// navigation and toolbar, the session (sign-in, rights, automatic
// backups), the check of the database at start with the restore of a
// damaged one, the --screen flag, and the watch over OpenGL at start. The
// widgets the screens share are in ui/widgets; the theme with the embedded
// font is theme.go.
//
// Slow work runs away from the window's thread through goBackground (at
// once in tests, where the test driver runs fyne.Do on the caller).
package ui
