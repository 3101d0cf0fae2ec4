# pyexpat: every handler's events on a document with a DTD, namespaces,
# CDATA, entities and processing instructions, fed whole and in pieces.
# Positions are shown for the document's content; inside the DTD Expat
# reports them at points of its own tokenizer, which Krait does not follow.
import pyexpat

DOC = b"""<?xml version="1.0" encoding="iso-8859-1" standalone="no"?>
<?xml-stylesheet href="s.css"?>
<!-- a comment -->
<!DOCTYPE root SYSTEM "root.dtd" [
  <!ELEMENT root ANY>
  <!ELEMENT item (#PCDATA|b)*>
  <!ELEMENT list (item+, (a | b)?, c*)>
  <!ATTLIST root attr1 CDATA #REQUIRED attr2 NMTOKENS "x  y" attr3 (a|b) #IMPLIED>
  <!NOTATION jpeg SYSTEM "image/jpeg">
  <!ENTITY acirc "&#226;">
  <!ENTITY greeting "<b>hello</b> &acirc;">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY pic SYSTEM "pic.jpg" NDATA jpeg>
]>
<root attr1="v&amp;1" xmlns:n="http://example.com/n">
  <n:sub n:at="1">text &lt;here&gt; &#x41;&#66;</n:sub>
  <![CDATA[raw <data> & stuff]]>
  &greeting; &ext; &undeclared;
  <empty/>\xe9
</root>
<!-- after -->
"""

HANDLERS = ["StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
            "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
            "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
            "StartCdataSectionHandler", "EndCdataSectionHandler", "NotStandaloneHandler",
            "ExternalEntityRefHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
            "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler",
            "SkippedEntityHandler"]


DTD_EVENTS = {"NotStandalone", "StartDoctypeDecl", "EndDoctypeDecl", "ElementDecl", "AttlistDecl",
              "NotationDecl", "EntityDecl", "UnparsedEntityDecl"}


def run(separator, chunks, **settings):
    out = []
    p = pyexpat.ParserCreate(None, separator)
    for name, value in settings.items():
        setattr(p, name, value)
    for name in HANDLERS:
        def handler(*args, name=name):
            if name[:-7] in DTD_EVENTS:
                out.append((name[:-7], args))
            else:
                out.append((name[:-7], args, p.CurrentLineNumber, p.CurrentColumnNumber))
            return 1
        setattr(p, name, handler)
    for i, chunk in enumerate(chunks):
        p.Parse(chunk, i == len(chunks) - 1)
    return out


whole = run(None, [DOC])
for event in whole:
    print(event)
print("---- namespaces, ordered and specified attributes, buffered text")
for event in run("}", [DOC], ordered_attributes=True, specified_attributes=True, buffer_text=True):
    print(event)
print("---- in pieces of 7 bytes, buffered")
pieces = [DOC[i:i + 7] for i in range(0, len(DOC), 7)]
print(run(None, pieces, buffer_text=True) == run(None, [DOC], buffer_text=True))

p = pyexpat.ParserCreate()
print(p.buffer_text, p.buffer_size, p.ordered_attributes, p.specified_attributes, p.namespace_prefixes,
      p.StartElementHandler, p.ErrorCode, p.CurrentByteIndex)
try:
    p.no_such_attribute = 1
except AttributeError as e:
    print("AttributeError", e)
print(pyexpat.ErrorString(7), pyexpat.errors.XML_ERROR_TAG_MISMATCH, pyexpat.errors.codes['mismatched tag'],
      pyexpat.model.XML_CTYPE_SEQ, pyexpat.version_info, pyexpat.ExpatError is pyexpat.error)
from xml.parsers import expat
print(expat.ParserCreate is pyexpat.ParserCreate, expat.errors.messages[3])
p = expat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
p.StartElementHandler = lambda name, attrs: print("start", repr(name), attrs)
p.Parse('<p:a xmlns:p="urn:x" p:b="1"/>', True)
try:
    p.Parse(b"<more/>", True)
except expat.ExpatError as e:
    print(e, e.code)
