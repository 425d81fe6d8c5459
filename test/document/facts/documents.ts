/** Made-up documents in the layouts DigiLocker and UIDAI use (see the DOCUMENT-FORMATS fact sheet); no real person. */

/** A 1×1 JPEG's first bytes are enough for the photo check: FF D8 FF. */
export const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]).toString(
	'base64',
);

export const DIGILOCKER_EAADHAAR = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Certificate language="99" name="Aadhaar Card" type="ADHAR" number="xxxxxxxx4821" issueDate="01-06-2024">
<CertificateData><KycRes ret="Y" code="0f2c" txn="UKC:sim:1" ts="2024-06-01T10:30:00.123+05:30" ttl="2025-06-01T10:30:00.123+05:30">
<UidData uid="xxxxxxxx4821" tkn="01ab">
<Poi name="Asha Simulated Verma" dob="14-02-1991" gender="F"/>
<Poa co="D/O Ravi Verma" house="12" street="Simulation Street" lm="Near Test Park" loc="Sandbox Layout" vtc="Mocknagar" subdist="Fixture Taluk" dist="Fixture District" state="Karnataka" country="India" pc="560001" po="Mocknagar"/>
<LData lang="07" name="ಆಶಾ ವರ್ಮಾ" co="ರವಿ ವರ್ಮಾ" vtc="ಮಾಕ್‌ನಗರ"/>
<Pht>${JPEG_BASE64}</Pht>
</UidData></KycRes></CertificateData>
<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/></Signature>
</Certificate>`;

export const UIDAI_OFFLINE = `<?xml version="1.0" encoding="UTF-8"?>
<OfflinePaperlessKyc referenceId="482120240601103000123">
<UidData>
<Poi dob="1991" e="5f2a" gender="M" m="9c1d" name="Ravi Sim Kumar"/>
<Poa careof="S/O Mohan Kumar" country="India" dist="Fixture District" house="7" landmark="Old Well" loc="Test Colony" pc="411001" po="Testpur" state="Maharashtra" street="Lane 2" subdist="Testpur" vtc="Testpur"/>
<Pht>${JPEG_BASE64}</Pht>
</UidData>
<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>
</OfflinePaperlessKyc>`;

/** A PAN record whose Person@uid holds a full (made-up, Verhoeff-valid) Aadhaar number: it must never come out. */
export const PAN_WITH_FULL_UID = `<Certificate language="99" name="PAN Verification Record" type="PANCR" number="ABCPV1234K" issuedAt="Income Tax Department" issueDate="05/03/2020" status="A">
<IssuedBy><Organization name="Income Tax Department" code="ITD" type="CG"/></IssuedBy>
<IssuedTo><Person uid="234123412346" name="Asha Simulated Verma" dob="14021991" gender="FEMALE"/></IssuedTo>
<CertificateData><PAN num="ABCPV1234K" verifiedOn="05-03-2020 10:11:12" note="linked to 2341 2341 2346"/></CertificateData>
</Certificate>`;

export const DRIVING_LICENCE = `<Certificate language="99" name="Driving License" type="DRVLC" number="KA0120201234567" issueDate="10-01-2020" validFromDate="10-01-2020" expiryDate="09-01-2040" status="Active">
<IssuedBy><Organization name="Transport Department, Karnataka" code="KA" type="SG"/></IssuedBy>
<IssuedTo><Person name="Ravi Sim Kumar" dob="31-12-1988" gender="Male" uid="xxxxxxxx9012">
<Address type="permanent" line1="7, Lane 2" line2="Test Colony" vtc="Testpur" district="Fixture District" state="Karnataka" pin="560002" country="IN"/>
<Photo format="JPG">${JPEG_BASE64}</Photo>
</Person></IssuedTo>
<CertificateData><DrivingLicense verifiedOn="10-01-2020"><Categories>
<Category code="NT" abbreviation="LMV" description="Light motor vehicle" issueDate="10-01-2020"/>
<Category code="NT" abbreviation="MCWG" description="Motorcycle with gear" issueDate="10-01-2020"/>
</Categories></DrivingLicense></CertificateData>
</Certificate>`;

export const MARKSHEET = `<Certificate name="Class X Marksheet" type="SSCER" number="SIM-2007-1234" issueDate="28-05-2007">
<IssuedBy><Organization name="Central Board of Secondary Education" code="CBSE"/></IssuedBy>
<IssuedTo><Person name="Asha Simulated Verma" dob="14-02-1991" gender="F"/></IssuedTo>
<CertificateData><School name="Sim Public School" code="99999"/><Examination name="AISSE" month="March" year="2007"/>
<Performance result="PASS" percentage="91.2"><Subjects>
<Subject name="MATHEMATICS" code="041" marksTotal="95"/><Subject name="SCIENCE" code="086" marksTotal="92"/>
</Subjects></Performance></CertificateData>
</Certificate>`;

export const OTHER_XML = `<Invoice id="42"><Line qty="1">Tea &amp; biscuits</Line><Note>Aadhaar 234123412346</Note></Invoice>`;
