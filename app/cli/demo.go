package cli

// PLACEHOLDER: replaced by the implementation of "xuncha demo".
func runDemo(env *Env, args []string) error { return usagef("尚未实现") }
