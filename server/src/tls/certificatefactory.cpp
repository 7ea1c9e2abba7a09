#include "tls/certificatefactory.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace FinChat::Tls {

using namespace Qt::StringLiterals;

namespace {

template<auto Free>
struct Deleter
{
    template<typename T>
    void operator()(T *pointer) const
    {
        Free(pointer);
    }
};
using KeyPointer = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertificatePointer = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPointer = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using NumberPointer = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtensionPointer = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

// What failed, with OpenSSL's own reason; the error queue is left empty for the next caller.
[[noreturn]] void fail(const char *what)
{
    char reason[256] = "no reason given";
    if (const unsigned long code = ERR_get_error())
        ERR_error_string_n(code, reason, sizeof reason);
    ERR_clear_error();
    throw CertificateError(std::string("OpenSSL cannot ") + what + ": " + reason);
}

template<typename T>
T *checked(T *pointer, const char *what)
{
    if (!pointer)
        fail(what);
    return pointer;
}

void check(int result, const char *what)
{
    if (result != 1)
        fail(what);
}

// Over bytes, read in place (not copied): they must outlive the BIO. Empty: a buffer to write.
BioPointer memoryBio(const QByteArray &bytes = {})
{
    if (bytes.isEmpty())
        return BioPointer(checked(BIO_new(BIO_s_mem()), "allocate a buffer"));
    return BioPointer(
        checked(BIO_new_mem_buf(bytes.constData(), int(bytes.size())), "allocate a buffer"));
}

QByteArray contents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

KeyPointer newKey()
{
    return KeyPointer(checked(EVP_EC_gen("P-256"), "generate an EC P-256 key"));
}

KeyPointer readKey(const QSslKey &key)
{
    const QByteArray pem = key.toPem(); // the BIO reads it in place: it must outlive the BIO
    const BioPointer bio = memoryBio(pem);
    return KeyPointer(
        checked(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), "read the key"));
}

CertificatePointer readCertificate(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    return CertificatePointer(
        checked(d2i_X509(nullptr, &data, long(der.size())), "read the certificate"));
}

void addExtension(X509 *certificate, X509V3_CTX *context, int nid, const QString &value)
{
    const ExtensionPointer extension(
        checked(X509V3_EXT_conf_nid(nullptr, context, nid, value.toLatin1().constData()),
                "add an extension"));
    check(X509_add_ext(certificate, extension.get(), -1), "add an extension");
}

QString alternativeNames(const CertificateRequest &request)
{
    QStringList names;
    for (const QString &name : request.dnsNames)
        names.append(u"DNS:"_s + name);
    for (const QHostAddress &address : request.addresses)
        names.append(u"IP:"_s + address.toString());
    return names.join(u',');
}

// issuerCertificate and issuerKey null: self-signed.
Identity make(const CertificateRequest &request, X509 *issuerCertificate, EVP_PKEY *issuerKey)
{
    const KeyPointer key = newKey();
    const CertificatePointer certificate(checked(X509_new(), "allocate a certificate"));
    X509 *x509 = certificate.get();
    check(X509_set_version(x509, 2), "set the version"); // X.509 v3

    // A random 127-bit serial: certificates made on different machines never collide.
    const NumberPointer serial(checked(BN_new(), "allocate a number"));
    check(BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY), "make a serial");
    checked(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x509)), "set the serial");

    // An hour in the past, so a client whose clock is a little behind accepts it.
    checked(X509_gmtime_adj(X509_getm_notBefore(x509), -3600), "set the validity");
    checked(X509_gmtime_adj(X509_getm_notAfter(x509), long(request.validDays) * 24 * 3600),
            "set the validity");
    check(X509_set_pubkey(x509, key.get()), "set the public key");

    X509_NAME *subject = X509_get_subject_name(x509);
    check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char *>("FinChat"), -1, -1, 0),
          "set the subject");
    const QByteArray commonName = request.commonName.left(64).toUtf8();
    check(X509_NAME_add_entry_by_txt(
              subject, "CN", MBSTRING_UTF8,
              reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0),
          "set the subject");
    X509 *issuer = issuerCertificate ? issuerCertificate : x509;
    check(X509_set_issuer_name(x509, X509_get_subject_name(issuer)), "set the issuer");

    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, x509, nullptr, nullptr, 0);
    addExtension(x509, &context, NID_subject_key_identifier, u"hash"_s);
    addExtension(x509, &context, NID_authority_key_identifier, u"keyid:always"_s);
    if (request.authority) {
        addExtension(x509, &context, NID_basic_constraints, u"critical,CA:TRUE"_s);
        addExtension(x509, &context, NID_key_usage, u"critical,keyCertSign,cRLSign"_s);
    } else {
        addExtension(x509, &context, NID_basic_constraints, u"critical,CA:FALSE"_s);
        addExtension(x509, &context, NID_key_usage, u"critical,digitalSignature"_s);
        addExtension(x509, &context, NID_ext_key_usage, u"serverAuth"_s);
    }
    if (const QString names = alternativeNames(request); !names.isEmpty())
        addExtension(x509, &context, NID_subject_alt_name, names);

    if (X509_sign(x509, issuerKey ? issuerKey : key.get(), EVP_sha256()) <= 0)
        fail("sign the certificate");

    const BioPointer certificatePem = memoryBio();
    check(PEM_write_bio_X509(certificatePem.get(), x509), "write the certificate");
    const BioPointer keyPem = memoryBio();
    check(PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
          "write the key");
    Identity identity{QSslCertificate(contents(certificatePem.get()), QSsl::Pem),
                      QSslKey(contents(keyPem.get()), QSsl::Ec, QSsl::Pem)};
    if (identity.certificate.isNull() || identity.key.isNull())
        throw CertificateError("Qt cannot read the certificate OpenSSL made");
    return identity;
}

} // namespace

Identity CertificateFactory::selfSigned(const CertificateRequest &request)
{
    return make(request, nullptr, nullptr);
}

Identity CertificateFactory::signedBy(const CertificateRequest &request, const Identity &issuer)
{
    const CertificatePointer issuerCertificate = readCertificate(issuer.certificate);
    const KeyPointer issuerKey = readKey(issuer.key);
    return make(request, issuerCertificate.get(), issuerKey.get());
}

bool CertificateFactory::keyMatches(const QSslCertificate &certificate, const QSslKey &key)
{
    try {
        const CertificatePointer x509 = readCertificate(certificate);
        const KeyPointer privateKey = readKey(key);
        const bool matches = X509_check_private_key(x509.get(), privateKey.get()) == 1;
        ERR_clear_error(); // a mismatch leaves its reason queued
        return matches;
    } catch (const CertificateError &) {
        return false;
    }
}

} // namespace FinChat::Tls
