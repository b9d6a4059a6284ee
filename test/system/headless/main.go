// Command headless is xuncha without its window: the system tests build it
// when the whole program cannot be compiled on the machine (no C compiler
// or X headers for the GUI), so that the headless face is still tested.
package main

import (
	"os"

	"xuncha/app/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr)) }
