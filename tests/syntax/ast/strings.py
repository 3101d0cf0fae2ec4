s1 = 'single', "double", '''triple
single''', """triple
double"""
s2 = 'a' "b" '''c'''
s3 = r'\n\t', R"\d+", u'unicode', U"x"
s4 = '\n\t\r\\\'\"\a\b\f\v\0\12\177\x41\u00e9\U0001F600'
s5 = '\N{BULLET} \N{latin small letter a} \N{EM DASH}'
s6 = 'it\'s', "say \"hi\"", 'both \' and "'
s7 = 'line one\
line two'
s8 = '\q \d unknown escapes'
s9 = 'é ü 日本 \ud800 \udfff \x00 \x7f \x80 \xa0 \u2028 \U000e0001'
s10 = u'a' 'b', 'a' u'b'
s11 = ''
s12 = """"quote" inside""", '''it's'''
