raise SystemExit('bye now')
