package cli

// PLACEHOLDER: replaced by the implementation of "xuncha import".
func runImport(env *Env, args []string) error { return usagef("尚未实现") }
