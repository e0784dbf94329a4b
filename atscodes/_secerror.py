"""``SecError``: every ``errSec*`` result code of the Security framework.

Read from ``base/SecBase.h`` in apple-oss-distributions/Security, tag
Security-61901.0.87.0.1 (commit db15acbe6a7f), the "Security Error Codes"
enum: 384 names on 381 values; the three extra names are deprecated aliases
(two of them misspelled upstream) and stay aliases here.  Descriptions are our
own words.

This family has several hundred members, so ``import atscodes`` does not build
it: ``atscodes.SecError`` imports this module on first use.
"""

from __future__ import annotations

from typing import Final

from ._base import Code, register

__all__ = ["SecError"]

_SECBASE: Final = "apple-oss-distributions/Security Security-61901.0.87.0.1 base/SecBase.h"


class SecError(Code):
    """An ``errSec*`` OSStatus from the Security framework (``NSOSStatusErrorDomain``)."""

    errSecSuccess = 0, "Operation completed without error", _SECBASE
    errSecUnimplemented = -4, "Requested function is not implemented", _SECBASE
    errSecDiskFull = -34, "No space left on disk", _SECBASE
    errSecDskFull = errSecDiskFull  # deprecated upstream spelling
    errSecIO = -36, "Input/output failure occurred", _SECBASE
    errSecOpWr = -49, "File is already open for writing", _SECBASE
    errSecParam = -50, "Invalid parameter passed to function", _SECBASE
    errSecWrPerm = -61, "Write permission denied", _SECBASE
    errSecAllocate = -108, "Memory allocation failed", _SECBASE
    errSecUserCanceled = -128, "User cancelled the operation", _SECBASE
    errSecBadReq = -909, "Bad parameter or wrong state for request", _SECBASE
    errSecInternalComponent = -2070, "Internal Security component failure", _SECBASE
    errSecCoreFoundationUnknown = -4960, "Unknown CoreFoundation error occurred", _SECBASE
    errSecACLNotSimple = -25240, "Access control list not in simple form", _SECBASE
    errSecPolicyNotFound = -25241, "Policy could not be found", _SECBASE
    errSecInvalidTrustSetting = -25242, "Trust setting is invalid", _SECBASE
    errSecNoAccessForItem = -25243, "Item has no access control", _SECBASE
    errSecInvalidOwnerEdit = -25244, "Invalid attempt to change item owner", _SECBASE
    errSecTrustNotAvailable = -25245, "Trust results are unavailable", _SECBASE
    errSecUnsupportedFormat = -25256, "Import/export format not supported", _SECBASE
    errSecUnknownFormat = -25257, "Import data in unrecognized format", _SECBASE
    errSecKeyIsSensitive = -25258, "Sensitive key must be wrapped to export", _SECBASE
    errSecMultiplePrivKeys = -25259, "Tried to import several private keys", _SECBASE
    errSecPassphraseRequired = -25260, "Import/export needs a passphrase", _SECBASE
    errSecInvalidPasswordRef = -25261, "Password reference is invalid", _SECBASE
    errSecInvalidTrustSettings = -25262, "Trust Settings record is corrupt", _SECBASE
    errSecNoTrustSettings = -25263, "No Trust Settings found", _SECBASE
    errSecPkcs12VerifyFailure = -25264, "PKCS#12 import MAC check failed (bad password?)", _SECBASE
    errSecNotAvailable = -25291, "No keychain available; restart may help", _SECBASE
    errSecReadOnly = -25292, "Keychain is read-only", _SECBASE
    errSecAuthFailed = -25293, "Wrong user name or passphrase", _SECBASE
    errSecNoSuchKeychain = -25294, "Keychain not found", _SECBASE
    errSecInvalidKeychain = -25295, "File is not a valid keychain", _SECBASE
    errSecDuplicateKeychain = -25296, "Keychain with this name already exists", _SECBASE
    errSecDuplicateCallback = -25297, "Callback function already installed", _SECBASE
    errSecInvalidCallback = -25298, "Callback function is invalid", _SECBASE
    errSecDuplicateItem = -25299, "Item already exists in the keychain", _SECBASE
    errSecItemNotFound = -25300, "Item not found in the keychain", _SECBASE
    errSecBufferTooSmall = -25301, "Not enough memory to use the item", _SECBASE
    errSecDataTooLarge = -25302, "Item data too large or undisplayable", _SECBASE
    errSecNoSuchAttr = -25303, "Attribute does not exist", _SECBASE
    errSecInvalidItemRef = -25304, "Item reference no longer valid (maybe deleted)", _SECBASE
    errSecInvalidSearchRef = -25305, "Cannot search the current keychain", _SECBASE
    errSecNoSuchClass = -25306, "Not a valid keychain item class", _SECBASE
    errSecNoDefaultKeychain = -25307, "No default keychain found", _SECBASE
    errSecInteractionNotAllowed = -25308, "User interaction not permitted", _SECBASE
    errSecReadOnlyAttr = -25309, "Attribute cannot be modified", _SECBASE
    errSecWrongSecVersion = -25310, "Keychain made by different system version", _SECBASE
    errSecKeySizeNotAllowed = -25311, "Key size too large or too small", _SECBASE
    errSecNoStorageModule = -25312, "Data storage module failed to load", _SECBASE
    errSecNoCertificateModule = -25313, "Certificate module failed to load", _SECBASE
    errSecNoPolicyModule = -25314, "Policy module failed to load", _SECBASE
    errSecInteractionRequired = -25315, "User interaction needed but not allowed", _SECBASE
    errSecDataNotAvailable = -25316, "Item contents cannot be retrieved", _SECBASE
    errSecDataNotModifiable = -25317, "Item contents cannot be modified", _SECBASE
    errSecCreateChainFailed = -25318, "Certificates needed to build chain missing", _SECBASE
    errSecInvalidPrefsDomain = -25319, "Preferences domain is invalid", _SECBASE
    errSecInDarkWake = -25320, "System in dark wake; no UI possible", _SECBASE
    errSecNotSigner = -26267, "Certificate not signed by its claimed issuer", _SECBASE
    errSecDecode = -26275, "Provided data could not be decoded", _SECBASE
    errSecMissingEntitlement = -34018, "Caller lacks a required entitlement", _SECBASE
    errSecRestrictedAPI = -34020, "Restricted client may not perform this operation", _SECBASE
    errSecServiceNotAvailable = -67585, "Required service is unavailable", _SECBASE
    errSecInsufficientClientID = -67586, "Client ID is incorrect", _SECBASE
    errSecDeviceReset = -67587, "Device was reset", _SECBASE
    errSecDeviceFailed = -67588, "Device failure occurred", _SECBASE
    errSecAppleAddAppACLSubject = -67589, "Failed to add application ACL subject", _SECBASE
    errSecApplePublicKeyIncomplete = -67590, "Public key lacks required parts", _SECBASE
    errSecAppleSignatureMismatch = -67591, "Signature does not match", _SECBASE
    errSecAppleInvalidKeyStartDate = -67592, "Key start date is invalid", _SECBASE
    errSecAppleInvalidKeyEndDate = -67593, "Key end date is invalid", _SECBASE
    errSecConversionError = -67594, "Data conversion step failed", _SECBASE
    errSecAppleSSLv2Rollback = -67595, "SSLv2 rollback detected", _SECBASE
    errSecQuotaExceeded = -67596, "Allowed quota has been exceeded", _SECBASE
    errSecFileTooBig = -67597, "File is too large", _SECBASE
    errSecInvalidDatabaseBlob = -67598, "Database blob is invalid", _SECBASE
    errSecInvalidKeyBlob = -67599, "Database key blob is invalid", _SECBASE
    errSecIncompatibleDatabaseBlob = -67600, "Database blob is incompatible", _SECBASE
    errSecIncompatibleKeyBlob = -67601, "Database key blob is incompatible", _SECBASE
    errSecHostNameMismatch = -67602, "Host name does not match", _SECBASE
    errSecUnknownCriticalExtensionFlag = (
        -67603,
        "Unrecognized critical extension flag present",
        _SECBASE,
    )
    errSecNoBasicConstraints = -67604, "Basic constraints extension missing", _SECBASE
    errSecNoBasicConstraintsCA = -67605, "Basic constraints for CA missing", _SECBASE
    errSecInvalidAuthorityKeyID = -67606, "Authority key identifier is invalid", _SECBASE
    errSecInvalidSubjectKeyID = -67607, "Subject key identifier is invalid", _SECBASE
    errSecInvalidKeyUsageForPolicy = -67608, "Key usage not valid for this policy", _SECBASE
    errSecInvalidExtendedKeyUsage = -67609, "Extended key usage is invalid", _SECBASE
    errSecInvalidIDLinkage = -67610, "ID linkage is invalid", _SECBASE
    errSecPathLengthConstraintExceeded = (
        -67611,
        "Certificate path length constraint exceeded",
        _SECBASE,
    )
    errSecInvalidRoot = -67612, "Root/anchor certificate is invalid", _SECBASE
    errSecCRLExpired = -67613, "Revocation list (CRL) is past expiry", _SECBASE
    errSecCRLNotValidYet = -67614, "CRL not valid yet", _SECBASE
    errSecCRLNotFound = -67615, "CRL could not be found", _SECBASE
    errSecCRLServerDown = -67616, "CRL server unreachable", _SECBASE
    errSecCRLBadURI = -67617, "CRL URI is malformed", _SECBASE
    errSecUnknownCertExtension = -67618, "Unrecognized certificate extension", _SECBASE
    errSecUnknownCRLExtension = -67619, "Unrecognized CRL extension", _SECBASE
    errSecCRLNotTrusted = -67620, "CRL is untrusted", _SECBASE
    errSecCRLPolicyFailed = -67621, "CRL policy check failed", _SECBASE
    errSecIDPFailure = -67622, "Issuing distribution point is invalid", _SECBASE
    errSecSMIMEEmailAddressesNotFound = -67623, "S/MIME email address mismatch", _SECBASE
    errSecSMIMEBadExtendedKeyUsage = -67624, "S/MIME extended key usage missing", _SECBASE
    errSecSMIMEBadKeyUsage = -67625, "Key usage incompatible with S/MIME", _SECBASE
    errSecSMIMEKeyUsageNotCritical = -67626, "Key usage extension not marked critical", _SECBASE
    errSecSMIMENoEmailAddress = -67627, "Certificate contains no email address", _SECBASE
    errSecSMIMESubjAltNameNotCritical = -67628, "Subject alt name extension not critical", _SECBASE
    errSecSSLBadExtendedKeyUsage = -67629, "SSL extended key usage missing", _SECBASE
    errSecOCSPBadResponse = -67630, "OCSP response bad or unparseable", _SECBASE
    errSecOCSPBadRequest = -67631, "OCSP request bad or unparseable", _SECBASE
    errSecOCSPUnavailable = -67632, "OCSP service unavailable", _SECBASE
    errSecOCSPStatusUnrecognized = -67633, "OCSP server does not know certificate", _SECBASE
    errSecEndOfData = -67634, "End of data reached", _SECBASE
    errSecIncompleteCertRevocationCheck = (
        -67635,
        "Certificate revocation check was incomplete",
        _SECBASE,
    )
    errSecNetworkFailure = -67636, "Network error during operation", _SECBASE
    errSecOCSPNotTrustedToAnchor = -67637, "OCSP response not chained to trusted anchor", _SECBASE
    errSecRecordModified = -67638, "Record changed by another party", _SECBASE
    errSecOCSPSignatureError = -67639, "OCSP response signature invalid", _SECBASE
    errSecOCSPNoSigner = -67640, "OCSP response has no signer", _SECBASE
    errSecOCSPResponderMalformedReq = -67641, "OCSP responder got malformed request", _SECBASE
    errSecOCSPResponderInternalError = -67642, "OCSP responder had an internal error", _SECBASE
    errSecOCSPResponderTryLater = -67643, "OCSP responder busy; retry later", _SECBASE
    errSecOCSPResponderSignatureRequired = (
        -67644,
        "OCSP responder requires signed request",
        _SECBASE,
    )
    errSecOCSPResponderUnauthorized = -67645, "OCSP responder refused: unauthorized", _SECBASE
    errSecOCSPResponseNonceMismatch = -67646, "OCSP response nonce differs from request", _SECBASE
    errSecCodeSigningBadCertChainLength = (
        -67647,
        "Code signing: wrong certificate chain length",
        _SECBASE,
    )
    errSecCodeSigningNoBasicConstraints = (
        -67648,
        "Code signing: basic constraints missing",
        _SECBASE,
    )
    errSecCodeSigningBadPathLengthConstraint = (
        -67649,
        "Code signing: bad path length constraint",
        _SECBASE,
    )
    errSecCodeSigningNoExtendedKeyUsage = (
        -67650,
        "Code signing: extended key usage missing",
        _SECBASE,
    )
    errSecCodeSigningDevelopment = (
        -67651,
        "Code signing used development-only certificate",
        _SECBASE,
    )
    errSecResourceSignBadCertChainLength = (
        -67652,
        "Resource signing: wrong certificate chain length",
        _SECBASE,
    )
    errSecResourceSignBadExtKeyUsage = -67653, "Resource signing: bad extended key usage", _SECBASE
    errSecTrustSettingDeny = -67654, "Trust setting for policy is Deny", _SECBASE
    errSecInvalidSubjectName = -67655, "Certificate subject name is invalid", _SECBASE
    errSecUnknownQualifiedCertStatement = (
        -67656,
        "Unrecognized qualified certificate statement",
        _SECBASE,
    )
    errSecMobileMeRequestQueued = -67657, "MobileMe request queued", _SECBASE
    errSecMobileMeRequestRedirected = -67658, "MobileMe request redirected", _SECBASE
    errSecMobileMeServerError = -67659, "MobileMe server error", _SECBASE
    errSecMobileMeServerNotAvailable = -67660, "MobileMe server not available", _SECBASE
    errSecMobileMeServerAlreadyExists = -67661, "MobileMe server already exists", _SECBASE
    errSecMobileMeServerServiceErr = -67662, "MobileMe server service error", _SECBASE
    errSecMobileMeRequestAlreadyPending = -67663, "MobileMe request already pending", _SECBASE
    errSecMobileMeNoRequestPending = -67664, "No MobileMe request pending", _SECBASE
    errSecMobileMeCSRVerifyFailure = -67665, "MobileMe CSR verification failed", _SECBASE
    errSecMobileMeFailedConsistencyCheck = -67666, "MobileMe consistency check failed", _SECBASE
    errSecNotInitialized = -67667, "Function called before CSSM initialized", _SECBASE
    errSecInvalidHandleUsage = -67668, "CSSM handle does not match service type", _SECBASE
    errSecPVCReferentNotFound = -67669, "Calling module not among authorized callers", _SECBASE
    errSecFunctionIntegrityFail = -67670, "Function address outside verified module", _SECBASE
    errSecInternalError = -67671, "Internal error occurred", _SECBASE
    errSecMemoryError = -67672, "Memory error occurred", _SECBASE
    errSecInvalidData = -67673, "Data is invalid", _SECBASE
    errSecMDSError = -67674, "Module Directory Service error", _SECBASE
    errSecInvalidPointer = -67675, "Pointer is invalid", _SECBASE
    errSecSelfCheckFailed = -67676, "Module self-test did not pass", _SECBASE
    errSecFunctionFailed = -67677, "A called function failed", _SECBASE
    errSecModuleManifestVerifyFailed = -67678, "Module manifest verification failed", _SECBASE
    errSecInvalidGUID = -67679, "GUID is invalid", _SECBASE
    errSecInvalidHandle = -67680, "Handle is invalid", _SECBASE
    errSecInvalidDBList = -67681, "Database list is invalid", _SECBASE
    errSecInvalidPassthroughID = -67682, "Passthrough ID is invalid", _SECBASE
    errSecInvalidNetworkAddress = -67683, "Network address is invalid", _SECBASE
    errSecCRLAlreadySigned = -67684, "Revocation list already signed", _SECBASE
    errSecInvalidNumberOfFields = -67685, "Wrong number of fields", _SECBASE
    errSecVerificationFailure = -67686, "A verification step did not pass", _SECBASE
    errSecUnknownTag = -67687, "Tag value not recognized", _SECBASE
    errSecInvalidSignature = -67688, "Signature is invalid", _SECBASE
    errSecInvalidName = -67689, "Name is invalid", _SECBASE
    errSecInvalidCertificateRef = -67690, "Certificate reference is invalid", _SECBASE
    errSecInvalidCertificateGroup = -67691, "Certificate group is invalid", _SECBASE
    errSecTagNotFound = -67692, "Requested tag not found", _SECBASE
    errSecInvalidQuery = -67693, "Query is invalid", _SECBASE
    errSecInvalidValue = -67694, "Value is invalid", _SECBASE
    errSecCallbackFailed = -67695, "A callback function failed", _SECBASE
    errSecACLDeleteFailed = -67696, "Deleting ACL failed", _SECBASE
    errSecACLReplaceFailed = -67697, "Replacing ACL failed", _SECBASE
    errSecACLAddFailed = -67698, "Adding ACL failed", _SECBASE
    errSecACLChangeFailed = -67699, "Changing ACL failed", _SECBASE
    errSecInvalidAccessCredentials = -67700, "Access credentials are invalid", _SECBASE
    errSecInvalidRecord = -67701, "Record is invalid", _SECBASE
    errSecInvalidACL = -67702, "ACL is invalid", _SECBASE
    errSecInvalidSampleValue = -67703, "Sample value is invalid", _SECBASE
    errSecIncompatibleVersion = -67704, "Version is incompatible", _SECBASE
    errSecPrivilegeNotGranted = -67705, "Requested privilege denied", _SECBASE
    errSecInvalidScope = -67706, "Scope is invalid", _SECBASE
    errSecPVCAlreadyConfigured = -67707, "PVC already configured", _SECBASE
    errSecInvalidPVC = -67708, "PVC is invalid", _SECBASE
    errSecEMMLoadFailed = -67709, "Loading EMM failed", _SECBASE
    errSecEMMUnloadFailed = -67710, "Unloading EMM failed", _SECBASE
    errSecAddinLoadFailed = -67711, "Loading add-in failed", _SECBASE
    errSecInvalidKeyRef = -67712, "Key reference is invalid", _SECBASE
    errSecInvalidKeyHierarchy = -67713, "Key hierarchy is invalid", _SECBASE
    errSecAddinUnloadFailed = -67714, "Unloading add-in failed", _SECBASE
    errSecLibraryReferenceNotFound = -67715, "Library reference not found", _SECBASE
    errSecInvalidAddinFunctionTable = -67716, "Add-in function table is invalid", _SECBASE
    errSecInvalidServiceMask = -67717, "Service mask is invalid", _SECBASE
    errSecModuleNotLoaded = -67718, "Module is not loaded", _SECBASE
    errSecInvalidSubServiceID = -67719, "Subservice ID is invalid", _SECBASE
    errSecAttributeNotInContext = -67720, "Attribute missing from context", _SECBASE
    errSecModuleManagerInitializeFailed = -67721, "Module initialization failed", _SECBASE
    errSecModuleManagerNotFound = -67722, "Module could not be found", _SECBASE
    errSecEventNotificationCallbackNotFound = (
        -67723,
        "Event notification callback not found",
        _SECBASE,
    )
    errSecInputLengthError = -67724, "Input length is wrong", _SECBASE
    errSecOutputLengthError = -67725, "Output length is wrong", _SECBASE
    errSecPrivilegeNotSupported = -67726, "Privilege not supported", _SECBASE
    errSecDeviceError = -67727, "Device error occurred", _SECBASE
    errSecAttachHandleBusy = -67728, "CSP handle is busy", _SECBASE
    errSecNotLoggedIn = -67729, "User is not logged in", _SECBASE
    errSecAlgorithmMismatch = -67730, "Algorithms do not match", _SECBASE
    errSecKeyUsageIncorrect = -67731, "Key usage is wrong", _SECBASE
    errSecKeyBlobTypeIncorrect = -67732, "Key blob type is wrong", _SECBASE
    errSecKeyHeaderInconsistent = -67733, "Key header fields do not agree", _SECBASE
    errSecUnsupportedKeyFormat = -67734, "Key header format not supported", _SECBASE
    errSecUnsupportedKeySize = -67735, "Key size not supported", _SECBASE
    errSecInvalidKeyUsageMask = -67736, "Key usage mask is invalid", _SECBASE
    errSecUnsupportedKeyUsageMask = -67737, "Key usage mask not supported", _SECBASE
    errSecInvalidKeyAttributeMask = -67738, "Key attribute mask is invalid", _SECBASE
    errSecUnsupportedKeyAttributeMask = -67739, "Key attribute mask not supported", _SECBASE
    errSecInvalidKeyLabel = -67740, "Key label is invalid", _SECBASE
    errSecUnsupportedKeyLabel = -67741, "Key label not supported", _SECBASE
    errSecInvalidKeyFormat = -67742, "Key format is invalid", _SECBASE
    errSecUnsupportedVectorOfBuffers = -67743, "Buffer vector not supported", _SECBASE
    errSecInvalidInputVector = -67744, "Input vector is invalid", _SECBASE
    errSecInvalidOutputVector = -67745, "Output vector is invalid", _SECBASE
    errSecInvalidContext = -67746, "Context is invalid", _SECBASE
    errSecInvalidAlgorithm = -67747, "Algorithm is invalid", _SECBASE
    errSecInvalidAttributeKey = -67748, "Key attribute is invalid", _SECBASE
    errSecMissingAttributeKey = -67749, "Key attribute is missing", _SECBASE
    errSecInvalidAttributeInitVector = (
        -67750,
        "Initialization vector attribute is invalid",
        _SECBASE,
    )
    errSecMissingAttributeInitVector = (
        -67751,
        "Initialization vector attribute is missing",
        _SECBASE,
    )
    errSecInvalidAttributeSalt = -67752, "Salt attribute is invalid", _SECBASE
    errSecMissingAttributeSalt = -67753, "Salt attribute is missing", _SECBASE
    errSecInvalidAttributePadding = -67754, "Padding attribute is invalid", _SECBASE
    errSecMissingAttributePadding = -67755, "Padding attribute is missing", _SECBASE
    errSecInvalidAttributeRandom = -67756, "Random-number attribute is invalid", _SECBASE
    errSecMissingAttributeRandom = -67757, "Random-number attribute is missing", _SECBASE
    errSecInvalidAttributeSeed = -67758, "Seed attribute is invalid", _SECBASE
    errSecMissingAttributeSeed = -67759, "Seed attribute is missing", _SECBASE
    errSecInvalidAttributePassphrase = -67760, "Passphrase attribute is invalid", _SECBASE
    errSecMissingAttributePassphrase = -67761, "Passphrase attribute is missing", _SECBASE
    errSecInvalidAttributeKeyLength = -67762, "Key length attribute is invalid", _SECBASE
    errSecMissingAttributeKeyLength = -67763, "Key length attribute is missing", _SECBASE
    errSecInvalidAttributeBlockSize = -67764, "Block size attribute is invalid", _SECBASE
    errSecMissingAttributeBlockSize = -67765, "Block size attribute is missing", _SECBASE
    errSecInvalidAttributeOutputSize = -67766, "Output size attribute is invalid", _SECBASE
    errSecMissingAttributeOutputSize = -67767, "Output size attribute is missing", _SECBASE
    errSecInvalidAttributeRounds = -67768, "Rounds-count attribute is invalid", _SECBASE
    errSecMissingAttributeRounds = -67769, "Rounds-count attribute is missing", _SECBASE
    errSecInvalidAlgorithmParms = -67770, "Algorithm parameters attribute is invalid", _SECBASE
    errSecMissingAlgorithmParms = -67771, "Algorithm parameters attribute is missing", _SECBASE
    errSecInvalidAttributeLabel = -67772, "Label attribute is invalid", _SECBASE
    errSecMissingAttributeLabel = -67773, "Label attribute is missing", _SECBASE
    errSecInvalidAttributeKeyType = -67774, "Key type attribute is invalid", _SECBASE
    errSecMissingAttributeKeyType = -67775, "Key type attribute is missing", _SECBASE
    errSecInvalidAttributeMode = -67776, "Mode attribute is invalid", _SECBASE
    errSecMissingAttributeMode = -67777, "Mode attribute is missing", _SECBASE
    errSecInvalidAttributeEffectiveBits = -67778, "Effective-bits attribute is invalid", _SECBASE
    errSecMissingAttributeEffectiveBits = -67779, "Effective-bits attribute is missing", _SECBASE
    errSecInvalidAttributeStartDate = -67780, "Start date attribute is invalid", _SECBASE
    errSecMissingAttributeStartDate = -67781, "Start date attribute is missing", _SECBASE
    errSecInvalidAttributeEndDate = -67782, "End date attribute is invalid", _SECBASE
    errSecMissingAttributeEndDate = -67783, "End date attribute is missing", _SECBASE
    errSecInvalidAttributeVersion = -67784, "Version attribute is invalid", _SECBASE
    errSecMissingAttributeVersion = -67785, "Version attribute is missing", _SECBASE
    errSecInvalidAttributePrime = -67786, "Prime attribute is invalid", _SECBASE
    errSecMissingAttributePrime = -67787, "Prime attribute is missing", _SECBASE
    errSecInvalidAttributeBase = -67788, "Base attribute is invalid", _SECBASE
    errSecMissingAttributeBase = -67789, "Base attribute is missing", _SECBASE
    errSecInvalidAttributeSubprime = -67790, "Subprime attribute is invalid", _SECBASE
    errSecMissingAttributeSubprime = -67791, "Subprime attribute is missing", _SECBASE
    errSecInvalidAttributeIterationCount = -67792, "Iteration count attribute is invalid", _SECBASE
    errSecMissingAttributeIterationCount = -67793, "Iteration count attribute is missing", _SECBASE
    errSecInvalidAttributeDLDBHandle = -67794, "Database handle attribute is invalid", _SECBASE
    errSecMissingAttributeDLDBHandle = -67795, "Database handle attribute is missing", _SECBASE
    errSecInvalidAttributeAccessCredentials = (
        -67796,
        "Access credentials attribute is invalid",
        _SECBASE,
    )
    errSecMissingAttributeAccessCredentials = (
        -67797,
        "Access credentials attribute is missing",
        _SECBASE,
    )
    errSecInvalidAttributePublicKeyFormat = (
        -67798,
        "Public key format attribute is invalid",
        _SECBASE,
    )
    errSecMissingAttributePublicKeyFormat = (
        -67799,
        "Public key format attribute is missing",
        _SECBASE,
    )
    errSecInvalidAttributePrivateKeyFormat = (
        -67800,
        "Private key format attribute is invalid",
        _SECBASE,
    )
    errSecMissingAttributePrivateKeyFormat = (
        -67801,
        "Private key format attribute is missing",
        _SECBASE,
    )
    errSecInvalidAttributeSymmetricKeyFormat = (
        -67802,
        "Symmetric key format attribute is invalid",
        _SECBASE,
    )
    errSecMissingAttributeSymmetricKeyFormat = (
        -67803,
        "Symmetric key format attribute is missing",
        _SECBASE,
    )
    errSecInvalidAttributeWrappedKeyFormat = (
        -67804,
        "Wrapped key format attribute is invalid",
        _SECBASE,
    )
    errSecMissingAttributeWrappedKeyFormat = (
        -67805,
        "Wrapped key format attribute is missing",
        _SECBASE,
    )
    errSecStagedOperationInProgress = -67806, "Staged operation already in progress", _SECBASE
    errSecStagedOperationNotStarted = -67807, "Staged operation never started", _SECBASE
    errSecVerifyFailed = -67808, "Cryptographic verification failed", _SECBASE
    errSecQuerySizeUnknown = -67809, "Query size unknown", _SECBASE
    errSecBlockSizeMismatch = -67810, "Block sizes do not match", _SECBASE
    errSecPublicKeyInconsistent = -67811, "Public key is inconsistent", _SECBASE
    errSecDeviceVerifyFailed = -67812, "Device verification failed", _SECBASE
    errSecInvalidLoginName = -67813, "Login name is invalid", _SECBASE
    errSecAlreadyLoggedIn = -67814, "User already logged in", _SECBASE
    errSecInvalidDigestAlgorithm = -67815, "Digest algorithm is invalid", _SECBASE
    errSecInvalidCRLGroup = -67816, "CRL group is invalid", _SECBASE
    errSecCertificateCannotOperate = -67817, "Certificate cannot be used to operate", _SECBASE
    errSecCertificateExpired = -67818, "Certificate has expired", _SECBASE
    errSecCertificateNotValidYet = -67819, "Certificate not valid yet", _SECBASE
    errSecCertificateRevoked = -67820, "Certificate has been revoked", _SECBASE
    errSecCertificateSuspended = -67821, "Certificate is suspended", _SECBASE
    errSecInsufficientCredentials = -67822, "Credentials are insufficient", _SECBASE
    errSecInvalidAction = -67823, "Action is invalid", _SECBASE
    errSecInvalidAuthority = -67824, "Authority is invalid", _SECBASE
    errSecVerifyActionFailed = -67825, "Verify action failed", _SECBASE
    errSecInvalidCertAuthority = -67826, "Certificate authority is invalid", _SECBASE
    errSecInvalidCRLAuthority = -67827, "CRL authority is invalid", _SECBASE
    errSecInvaldCRLAuthority = errSecInvalidCRLAuthority  # deprecated upstream spelling
    errSecInvalidCRLEncoding = -67828, "CRL encoding is invalid", _SECBASE
    errSecInvalidCRLType = -67829, "CRL type is invalid", _SECBASE
    errSecInvalidCRL = -67830, "CRL is invalid", _SECBASE
    errSecInvalidFormType = -67831, "Form type is invalid", _SECBASE
    errSecInvalidID = -67832, "ID is invalid", _SECBASE
    errSecInvalidIdentifier = -67833, "Identifier is invalid", _SECBASE
    errSecInvalidIndex = -67834, "Index is invalid", _SECBASE
    errSecInvalidPolicyIdentifiers = -67835, "Policy identifiers are invalid", _SECBASE
    errSecInvalidTimeString = -67836, "Time value is invalid", _SECBASE
    errSecInvalidReason = -67837, "Trust policy reason is invalid", _SECBASE
    errSecInvalidRequestInputs = -67838, "Request inputs are invalid", _SECBASE
    errSecInvalidResponseVector = -67839, "Response vector is invalid", _SECBASE
    errSecInvalidStopOnPolicy = -67840, "Stop-on policy is invalid", _SECBASE
    errSecInvalidTuple = -67841, "Tuple is invalid", _SECBASE
    errSecMultipleValuesUnsupported = -67842, "Multiple values not supported", _SECBASE
    errSecNotTrusted = -67843, "Certificate is not trusted", _SECBASE
    errSecNoDefaultAuthority = -67844, "No default authority found", _SECBASE
    errSecRejectedForm = -67845, "Trust policy form was rejected", _SECBASE
    errSecRequestLost = -67846, "Request got lost", _SECBASE
    errSecRequestRejected = -67847, "Request was refused", _SECBASE
    errSecUnsupportedAddressType = -67848, "Address type not supported", _SECBASE
    errSecUnsupportedService = -67849, "Service not supported", _SECBASE
    errSecInvalidTupleGroup = -67850, "Tuple group is invalid", _SECBASE
    errSecInvalidBaseACLs = -67851, "Base ACLs are invalid", _SECBASE
    errSecInvalidTupleCredentials = -67852, "Tuple credentials are invalid", _SECBASE
    errSecInvalidTupleCredendtials = errSecInvalidTupleCredentials  # deprecated upstream spelling
    errSecInvalidEncoding = -67853, "Encoding is invalid", _SECBASE
    errSecInvalidValidityPeriod = -67854, "Validity period is invalid", _SECBASE
    errSecInvalidRequestor = -67855, "Requestor is invalid", _SECBASE
    errSecRequestDescriptor = -67856, "Request descriptor is invalid", _SECBASE
    errSecInvalidBundleInfo = -67857, "Bundle information is invalid", _SECBASE
    errSecInvalidCRLIndex = -67858, "CRL index is invalid", _SECBASE
    errSecNoFieldValues = -67859, "No field values found", _SECBASE
    errSecUnsupportedFieldFormat = -67860, "Field format not supported", _SECBASE
    errSecUnsupportedIndexInfo = -67861, "Index information not supported", _SECBASE
    errSecUnsupportedLocality = -67862, "Locality not supported", _SECBASE
    errSecUnsupportedNumAttributes = -67863, "Attribute count not supported", _SECBASE
    errSecUnsupportedNumIndexes = -67864, "Index count not supported", _SECBASE
    errSecUnsupportedNumRecordTypes = -67865, "Record type count not supported", _SECBASE
    errSecFieldSpecifiedMultiple = -67866, "Field specified more than allowed", _SECBASE
    errSecIncompatibleFieldFormat = -67867, "Field format is incompatible", _SECBASE
    errSecInvalidParsingModule = -67868, "Parsing module is invalid", _SECBASE
    errSecDatabaseLocked = -67869, "Target database currently locked", _SECBASE
    errSecDatastoreIsOpen = -67870, "Data store already open", _SECBASE
    errSecMissingValue = -67871, "Required value is missing", _SECBASE
    errSecUnsupportedQueryLimits = -67872, "Query limits not supported", _SECBASE
    errSecUnsupportedNumSelectionPreds = (
        -67873,
        "Selection predicate count not supported",
        _SECBASE,
    )
    errSecUnsupportedOperator = -67874, "Operator not supported", _SECBASE
    errSecInvalidDBLocation = -67875, "Database location is invalid", _SECBASE
    errSecInvalidAccessRequest = -67876, "Access request is invalid", _SECBASE
    errSecInvalidIndexInfo = -67877, "Index information is invalid", _SECBASE
    errSecInvalidNewOwner = -67878, "New owner is invalid", _SECBASE
    errSecInvalidModifyMode = -67879, "Modify mode is invalid", _SECBASE
    errSecMissingRequiredExtension = -67880, "Required certificate extension absent", _SECBASE
    errSecExtendedKeyUsageNotCritical = -67881, "Extended key usage not marked critical", _SECBASE
    errSecTimestampMissing = -67882, "Expected timestamp not found", _SECBASE
    errSecTimestampInvalid = -67883, "Timestamp is invalid", _SECBASE
    errSecTimestampNotTrusted = -67884, "Timestamp is untrusted", _SECBASE
    errSecTimestampServiceNotAvailable = -67885, "Timestamp service unavailable", _SECBASE
    errSecTimestampBadAlg = -67886, "Timestamp uses unknown/unsupported algorithm", _SECBASE
    errSecTimestampBadRequest = -67887, "Timestamp transaction not permitted/supported", _SECBASE
    errSecTimestampBadDataFormat = -67888, "Timestamp request data badly formatted", _SECBASE
    errSecTimestampTimeNotAvailable = (
        -67889,
        "Timestamp authority time source unavailable",
        _SECBASE,
    )
    errSecTimestampUnacceptedPolicy = (
        -67890,
        "Timestamp authority rejects requested policy",
        _SECBASE,
    )
    errSecTimestampUnacceptedExtension = (
        -67891,
        "Timestamp authority rejects requested extension",
        _SECBASE,
    )
    errSecTimestampAddInfoNotAvailable = (
        -67892,
        "Requested additional timestamp info unavailable",
        _SECBASE,
    )
    errSecTimestampSystemFailure = -67893, "Timestamp request failed: system failure", _SECBASE
    errSecSigningTimeMissing = -67894, "Expected signing time not found", _SECBASE
    errSecTimestampRejection = -67895, "Timestamp transaction rejected", _SECBASE
    errSecTimestampWaiting = -67896, "Timestamp transaction still waiting", _SECBASE
    errSecTimestampRevocationWarning = -67897, "Timestamp authority revocation warning", _SECBASE
    errSecTimestampRevocationNotification = (
        -67898,
        "Timestamp authority revocation notice",
        _SECBASE,
    )
    errSecCertificatePolicyNotAllowed = (
        -67899,
        "Requested policy not allowed for certificate",
        _SECBASE,
    )
    errSecCertificateNameNotAllowed = (
        -67900,
        "Requested name not allowed for certificate",
        _SECBASE,
    )
    errSecCertificateValidityPeriodTooLong = (
        -67901,
        "Certificate validity period exceeds maximum",
        _SECBASE,
    )
    errSecCertificateIsCA = -67902, "Verified certificate is CA, not leaf", _SECBASE
    errSecCertificateDuplicateExtension = -67903, "Certificate repeats an extension ID", _SECBASE
    errSecMissingQualifiedCertStatement = (
        -67904,
        "Expected qualified certificate statement missing",
        _SECBASE,
    )


register(SecError, -(2**31), 2**31 - 1, unsigned32=True)
