// Command xuncha is 巡察统筹: with a subcommand it works headless (see
// "xuncha help"); without one it opens the window.
package main

import (
	"os"

	"xuncha/app/cli"
	"xuncha/ui"
)

func main() {
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(ui.Run(os.Args[1:]))
}
