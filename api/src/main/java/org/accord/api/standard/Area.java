package org.accord.api.standard;

/** What a standard is about; also the remit of a cross-cutting team. */
public enum Area {
    SAFEGUARDING, CURRICULUM, ASSESSMENT, TEACHING, BEHAVIOUR, ATTENDANCE, SEND, PERSONAL_DEVELOPMENT, CPD,
    GOVERNANCE, FINANCE, HR, DATA_PROTECTION, ESTATES, IT, PUPIL_PREMIUM
}
