package app

// The service method that writes the demonstration data.

import "xuncha/app/demo"

// LoadDemo writes the demonstration data of the given scale into an empty
// database (demo.ErrNotEmpty otherwise) and returns what it wrote. It
// needs PermImport.
func (s *Service) LoadDemo(scale demo.Scale) (demo.Counts, error) {
	if err := s.Require(PermImport); err != nil {
		return demo.Counts{}, err
	}
	d := demo.Generate(scale)
	if err := demo.Write(s.DB, d, s.User); err != nil {
		return d.Counts(), err
	}
	s.notifyAll("演示数据", "")
	return d.Counts(), nil
}
