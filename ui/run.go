// Package ui is the window of 巡察统筹: Fyne screens and widgets that call
// the application core in package app and never touch the database.
package ui

import "fmt"

// Run opens the window; args are the GUI's flags (--db F). PLACEHOLDER until
// the UI lands.
func Run(args []string) int {
	fmt.Println("GUI not built yet")
	return 1
}
