# pyexpat: the error, line and column of malformed documents, as Expat reports them.
import pyexpat
docs = [b'', b'<a>', b'<a></b>', b'<a><b></a>', b'<a x="1" x="2"/>', b'<a/><b/>', b'<a/>junk', b'<a>&foo;</a>', b'<a>&#0;</a>',
        b'<a b=1/>', b'<a><![CDATA[x</a>', b'<a>\n<b>\n</c></a>', b'<1a/>', b'<a>x < y</a>', b'  <?xml version="1.0"?><a/>',
        b'<a x:y="1"/>', b'<p:a/>', b'<?xml version="1.0" encoding="klingon"?><a/>', b'<a>\xff</a>', b'<a>\xc3</a>',
        b'<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>', b'<a>&amp</a>', b'<a attr="<"/>', b'<a></a >', b'<a/ >',
        b'<?xml version="1.0" ?>\n<a>\n  <b>t</b>\n</a>\n\n<!-- c -->\n', b'<a>]]></a>', b'<a><!-- a -- b --></a>', b'<a>\xe9</a>',
        b'<!DOCTYPE a [<!ATTLIST a b NMTNS #IMPLIED>]><a/>', b'<a xmlns:p="urn:x}y"><p:b/></a>', b'<!DOCTYPE a [<!ATTLIST a b NMTOKENS #IMPLIED>]><a b=" x  y "/>']
for d in docs:
    for ns in (None, '}'):
        p = pyexpat.ParserCreate(None, ns)
        try:
            p.Parse(d, True)
            print(d, ns, 'ok')
        except LookupError as e:
            print(d, ns, "LookupError", e)
        except pyexpat.ExpatError as e:
            print(d, ns, repr(str(e)), e.code, e.lineno, e.offset, p.ErrorByteIndex, p.CurrentLineNumber, p.CurrentColumnNumber)
