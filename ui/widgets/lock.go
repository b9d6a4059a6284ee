package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// lockSVG is a closed padlock drawn for the theme's foreground colour
// (Fyne's icon set has none).
const lockSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
	`<path fill="#000000" fill-rule="evenodd" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zM9 10V7a3 3 0 0 1 6 0v3zm3 3.5a1.75 1.75 0 0 0-1 3.19V19h2v-2.31a1.75 1.75 0 0 0-1-3.19z"/></svg>`

// unlockSVG is an open padlock.
const unlockSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
	`<path fill="#000000" fill-rule="evenodd" d="M12 1a5 5 0 0 1 5 5v4h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h9V6a3 3 0 0 0-6 0H7a5 5 0 0 1 5-5zm0 12.5a1.75 1.75 0 0 0-1 3.19V19h2v-2.31a1.75 1.75 0 0 0-1-3.19z"/></svg>`

var (
	lockRes   = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(lockSVG)))
	unlockRes = theme.NewThemedResource(fyne.NewStaticResource("unlock.svg", []byte(unlockSVG)))
)

// LockIcon is a closed padlock in the theme's colours: a member locked to
// a slot by hand, or the button that locks.
func LockIcon() fyne.Resource { return lockRes }

// UnlockIcon is an open padlock: the button that unlocks.
func UnlockIcon() fyne.Resource { return unlockRes }
