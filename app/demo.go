package app

// The service method that writes the demonstration data.

import "xuncha/app/demo"

// LoadDemo writes the demonstration data of the given scale into an empty
// database (demo.ErrNotEmpty otherwise). It needs PermImport.
func (s *Service) LoadDemo(scale demo.Scale) error {
	if err := s.Require(PermImport); err != nil {
		return err
	}
	return demo.Write(s.DB, demo.Generate(scale), s.User)
}
