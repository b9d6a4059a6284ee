package cli

// PLACEHOLDER: replaced by the implementation of "xuncha export".
func runExport(env *Env, args []string) error { return usagef("尚未实现") }
