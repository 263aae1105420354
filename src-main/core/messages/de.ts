/**
 * German: the same shape as English, checked by the Messages type. Where the
 * window says the same thing (src-renderer/lib/messages/de.ts), it says it
 * in the same words, so the window and the tray agree.
 */
import type { Messages } from './en';

export const de: Messages = {
  tray: {
    tooltip: (text: string) => `kombify Tray – ${text}`,
    tooltipPaused: (tooltip: string) => `${tooltip} (Benachrichtigungen pausiert)`,
    notSignedIn: 'Nicht angemeldet',
    deploying: { one: '# Deployment läuft', other: '# Deployments laufen' },
    latestFailed: 'Das letzte Deployment ist fehlgeschlagen',
    allFine: 'Alle Deployments sind in Ordnung',
    signingIn: 'Anmeldung läuft…',
    restoring: 'Anmeldung wird wiederhergestellt…',
    account: (email: string, plan: string) => `${email} – Tarif ${plan}`,
    homelab: (name: string, status: string) => `Homelab ${name}: ${status}`,
    homelabSeen: (name: string, status: string, age: string) =>
      `Homelab ${name}: ${status} – gesehen ${age}`,
    homelabStatus: { online: 'online', offline: 'offline' },
    noHomelab: 'Kein Homelab verbunden',
    deployment: (name: string, status: string, age: string) => `${name} – ${status} · ${age}`,
    deploymentStatus: {
      succeeded: 'erfolgreich',
      failed: 'fehlgeschlagen',
      queued: 'wartet',
      provisioning: 'Vorbereitung',
      deploying: 'wird bereitgestellt',
      deleting: 'wird gelöscht',
    },
    progress: (status: string, percent: number) => `${status} ${percent} %`,
    offlineNoData: 'Offline – noch keine Daten',
    offlineSince: (time: string) => `Offline – letzte Aktualisierung ${time}`,
    rateLimited: (time: string) => `Gebremst – nächste Aktualisierung ${time}`,
    waiting: 'Warte auf die erste Aktualisierung',
    updatedJustNow: 'Gerade aktualisiert',
    updatedMinutesAgo: (minutes: number) => `Vor ${minutes} Min. aktualisiert`,
    open: 'kombify Tray öffnen',
    deploy: 'StackKit bereitstellen…',
    refresh: 'Jetzt aktualisieren',
    pause: 'Benachrichtigungen pausieren',
    pauseHour: 'Für eine Stunde',
    pauseTomorrow: 'Bis morgen',
    pauseUntilResumed: 'Bis ich sie fortsetze',
    resume: 'Benachrichtigungen fortsetzen',
    resumeAt: (time: string) => `Benachrichtigungen fortsetzen (pausiert bis ${time})`,
    signIn: 'Anmelden…',
    signOut: 'Abmelden',
    quit: 'Beenden',
    noTrayHost:
      'Deine Arbeitsumgebung zeigt keine Tray-Symbole, darum hat kombify Tray sein Fenster ' +
      'geöffnet. Installiere unter GNOME die Erweiterung „AppIndicator and ' +
      'KStatusNotifierItem Support“ (Debian/Ubuntu: gnome-shell-extension-appindicator), ' +
      'melde dich ab und wieder an, dann erscheint das Symbol in der oberen Leiste.',
  },
  age: {
    justNow: 'gerade eben',
    minutes: (n: number) => `vor ${n} Min.`,
    hours: (n: number) => `vor ${n} Std.`,
    days: (n: number) => (n === 1 ? 'vor 1 Tag' : `vor ${n} Tagen`),
  },
  plans: { free: 'Free', hobby: 'Hobby', pro: 'Pro', team: 'Team' },
  kits: { 'base-kit': 'Base Kit', 'modern-homelab': 'Modern Homelab', 'ha-kit': 'HA Kit' },
  notifications: {
    counts: {
      'deployment-created': { one: '# Deployment gestartet', other: '# Deployments gestartet' },
      'deployment-succeeded': {
        one: '# Deployment erfolgreich',
        other: '# Deployments erfolgreich',
      },
      'deployment-failed': {
        one: '# Deployment fehlgeschlagen',
        other: '# Deployments fehlgeschlagen',
      },
      'deployment-deleted': { one: '# Deployment gelöscht', other: '# Deployments gelöscht' },
      'homelab-offline': { one: '# Homelab offline', other: '# Homelabs offline' },
      'homelab-online': { one: '# Homelab wieder online', other: '# Homelabs wieder online' },
      'plan-changed': { one: '# Tarifwechsel', other: '# Tarifwechsel' },
      'subscription-canceled': { one: '# Abo gekündigt', other: '# Abos gekündigt' },
      'payment-past-due': { one: '# Zahlung überfällig', other: '# Zahlungen überfällig' },
      'quota-nearly-full': {
        one: '# Kontingent voll oder fast voll',
        other: '# Kontingente voll oder fast voll',
      },
    },
    digestMore: (n: number) => ` und ${n} weitere`,
    away: 'Während du weg warst',
    heldPaused: 'Während die Benachrichtigungen pausiert waren',
    heldQuiet: 'Während der Ruhezeiten',
    heldOlder: (n: number) => ` (und ${n} ältere)`,
    deploymentSucceeded: 'Deployment erfolgreich',
    deployed: (label: string) => `${label} ist bereitgestellt.`,
    deploymentFailed: 'Deployment fehlgeschlagen',
    noReason: 'Es wurde kein Grund genannt.',
    deploymentStarted: 'Deployment gestartet',
    deploying: (label: string) => `${label} wird bereitgestellt.`,
    deploymentDeleted: 'Deployment gelöscht',
    removed: (label: string) => `${label} wurde von deinem Homelab entfernt.`,
    homelabOffline: 'Homelab offline',
    stoppedAnswering: (name: string) => `${name} antwortet kombify Cloud nicht mehr.`,
    homelabOnline: 'Homelab wieder online',
    reachableAgain: (name: string) => `${name} ist wieder erreichbar.`,
    planChanged: 'Tarif geändert',
    planNow: (plan: string, was: string) => `Dein Tarif ist jetzt ${plan} (vorher ${was}).`,
    subscriptionCanceled: 'Abo gekündigt',
    subscriptionEnded: 'Dein Abo ist beendet; für das Konto gilt jetzt der Tarif Free.',
    subscriptionEndsOn: (date: string) => `Dein Abo endet am ${date}.`,
    subscriptionEndsAtPeriodEnd: 'Dein Abo endet mit dem Abrechnungszeitraum.',
    paymentPastDue: 'Zahlung überfällig',
    paymentFailed:
      'kombify konnte deine letzte Zahlung nicht einziehen. Aktualisiere deine Zahlungsdaten.',
    quotaTitle: {
      stacks: 'Kontingent für Stacks fast voll',
      tools: 'Kontingent für Tools fast voll',
    },
    quotaBody: {
      stacks: (used: number, limit: number) =>
        `Du nutzt ${used} von ${limit} Stacks deines Tarifs.`,
      tools: (used: number, limit: number) =>
        `Du nutzt ${used} von ${limit} Tool-Plätzen deines Tarifs.`,
    },
    quotaFullTitle: { stacks: 'Stacks voll', tools: 'Tool-Plätze voll' },
    quotaFullBody: {
      stacks: (used: number, limit: number) =>
        `${used} von ${limit} Stacks deines Tarifs sind belegt.`,
      tools: (used: number, limit: number) =>
        `${used} von ${limit} Tool-Plätzen deines Tarifs sind belegt.`,
    },
  },
  session: {
    endedTitle: 'Von kombify abgemeldet',
    ended: 'Deine Sitzung ist abgelaufen. Melde dich neu an, um weiterzumachen.',
    apiKeyRefused:
      'kombify nimmt diesen API-Schlüssel nicht mehr an. Erstelle im Dashboard einen neuen ' +
      'Schlüssel und melde dich neu an.',
    endingTitle: 'Deine kombify-Sitzung endet bald',
    endsIn: { one: 'in etwa # Minute', other: 'in etwa # Minuten' },
    endsUnlessReachable: (when: string) =>
      `Deine Sitzung endet ${when}, wenn kombify bis dahin nicht erreichbar ist.`,
    endsSignInAgain: (when: string) =>
      `Deine Sitzung endet ${when}. Melde dich neu an, um angemeldet zu bleiben.`,
  },
  returnPage: {
    done: {
      title: 'Du bist angemeldet',
      body: 'Du kannst diesen Tab schließen und zu kombify Tray zurückkehren.',
    },
    failed: {
      title: 'Anmeldung nicht abgeschlossen',
      body:
        'kombify Tray konnte die Anmeldung nicht abschließen. Kehre zur App zurück, ' +
        'um den Grund zu sehen und es erneut zu versuchen.',
    },
    finishing: {
      title: 'Fast geschafft',
      body: 'Kehre zu kombify Tray zurück: Die App schließt die Anmeldung ab und zeigt das Ergebnis.',
    },
    denied: {
      title: 'Anmeldung nicht abgeschlossen',
      body: 'kombify hat die Anmeldung nicht erlaubt. Kehre zu kombify Tray zurück, um es erneut zu versuchen.',
    },
    mismatch: {
      title: 'Anmeldung gestoppt',
      body:
        'Diese Seite hat auf eine Anmeldung geantwortet, die die App nicht gestartet hat; ' +
        'deshalb hat die App sie gestoppt. Kehre zu kombify Tray zurück und starte die ' +
        'Anmeldung erneut.',
    },
    incomplete: {
      title: 'Hier gibt es nichts zu tun',
      body: 'Zu dieser Adresse kehrt die Anmeldung zurück. Kehre zu kombify Tray zurück.',
    },
    over: {
      title: 'Diese Anmeldung ist vorbei',
      body: 'Kehre zu kombify Tray zurück und starte dort bei Bedarf eine neue Anmeldung.',
    },
    missing: { title: 'Nicht gefunden', body: 'Kehre zu kombify Tray zurück.' },
  },
  storedFiles: {
    causes: {
      EACCES: 'keine Berechtigung',
      EPERM: 'nicht erlaubt',
      EISDIR: 'ein Ordner trägt ihren Namen',
      ENOTDIR: 'ein Teil des Pfads ist eine Datei',
      EROFS: 'das Laufwerk ist schreibgeschützt',
      ENOSPC: 'das Laufwerk ist voll',
      EDQUOT: 'das Speicherkontingent ist aufgebraucht',
      EBUSY: 'sie wird gerade benutzt',
      EEXIST: 'ihr Name ist vergeben',
    },
    fields: {
      endpoint: 'Endpunkt',
      polling: 'Wie oft nach Änderungen gesehen wird',
      notifications: 'Benachrichtigungen',
      quietHours: 'Ruhezeiten',
      startAtLogin: 'Start bei der Anmeldung',
      theme: 'Design',
      language: 'Sprache',
      notificationPause: 'Benachrichtigungspause',
    },
    settings: {
      unreadable: (file: string, cause: string) =>
        `kombify Tray kann seine Einstellungsdatei ${file} nicht lesen (${cause}). Es nutzt ` +
        'vorerst die Standardeinstellungen, lässt die Datei, wie sie ist, und kann ' +
        'Änderungen nicht speichern. Bring die Datei in Ordnung (zum Beispiel Besitzer oder ' +
        'Rechte) und starte die App neu.',
      keptBroken: (file: string, cause: string) =>
        `Die Einstellungsdatei ${file} ist beschädigt und ließ sich nicht beiseitelegen ` +
        `(${cause}). kombify Tray nutzt vorerst die Standardeinstellungen und kann ` +
        'Änderungen nicht speichern. Verschiebe oder lösche die Datei und starte die App neu.',
      setAside: (file: string, keptAs: string) =>
        `Die Einstellungsdatei ${file} war beschädigt, darum hat kombify Tray mit den ` +
        `Standardeinstellungen begonnen. Die alte Datei liegt jetzt unter ${keptAs}.`,
      valuesReset: (fields: string, file: string) =>
        `Einige Einstellungen in ${file} hatten Werte, die diese Version von kombify Tray ` +
        'nicht verwenden kann (aus einer neueren Version oder von Hand geändert), darum ' +
        `gelten für sie wieder die Standardwerte: ${fields}. Alle anderen Einstellungen ` +
        'sind geblieben.',
      notSaved: (file: string, cause: string) =>
        `kombify Tray kann seine Einstellungsdatei ${file} nicht speichern (${cause}), ` +
        'Änderungen gelten also nur bis zum Beenden. Prüfe, ob der Ordner beschreibbar ist.',
    },
    snapshot: {
      unreadable: (file: string, cause: string) =>
        `kombify Tray kann ${file} nicht lesen (${cause}). Darin stehen der zuletzt ` +
        'gezeigte Stand und die schon gezeigten Benachrichtigungen; die App startet ohne sie ' +
        'und kann sie nicht speichern. Bring die Datei in Ordnung (zum Beispiel Besitzer ' +
        'oder Rechte) und starte die App neu.',
      keptBroken: (file: string, cause: string) =>
        `${file}, worin kombify Tray den zuletzt gezeigten Stand und die schon gezeigten ` +
        `Benachrichtigungen aufbewahrt, ist beschädigt und ließ sich nicht beiseitelegen ` +
        `(${cause}). Die App startet ohne sie und kann sie nicht speichern. Verschiebe oder ` +
        'lösche die Datei und starte die App neu.',
      notSaved: (file: string, cause: string) =>
        `kombify Tray kann ${file} nicht speichern (${cause}). Nach einem Neustart zeigt es ` +
        'darum keinen letzten Stand, bis es abgeglichen hat, und zeigt manche ' +
        'Benachrichtigungen vielleicht noch einmal. Prüfe, ob der Ordner beschreibbar ist.',
    },
    logUnwritable: (folder: string, cause: string) =>
      `kombify Tray kann sein Protokoll nicht in ${folder} schreiben (${cause}) und ` +
      'protokolliert darum nur im Terminal (stderr). Prüfe, ob der Ordner beschreibbar ist.',
  },
  errors: {
    notSignedIn: 'Du bist nicht angemeldet. Melde dich zuerst an.',
    notRenewed: (code: string, status: number) =>
      `kombify Cloud hat deine Anmeldung gerade nicht verlängert (${code}, HTTP ${status}). ` +
      'Du bist weiter angemeldet; kombify Tray versucht es gleich noch einmal. ' +
      'Passiert das öfter, melde dich ab und wieder an.',
    offline:
      'kombify Cloud ist nicht erreichbar. Prüfe die Internetverbindung; die App versucht es weiter.',
    timeout: 'kombify Cloud hat nicht rechtzeitig geantwortet. Versuch es gleich noch einmal.',
    malformed: (field: string | null) =>
      'kombify Cloud hat eine Antwort geschickt, die diese Version nicht versteht ' +
      `(${field ?? 'kein JSON'}). Versuch es später noch einmal oder aktualisiere kombify Tray.`,
    internal: 'In kombify Tray ist etwas schiefgegangen. Versuch es noch einmal.',
    invalidCredentials: 'E-Mail oder Passwort stimmen nicht. Versuch es noch einmal.',
    sessionEnded: 'Deine Sitzung ist abgelaufen. Melde dich neu an.',
    forbidden: 'Dein Konto darf das nicht.',
    notFound: 'Das gibt es nicht mehr. Aktualisiere für den neuesten Stand.',
    planLimit: 'Dein Tarif erlaubt das nicht. Wechsle in einen größeren Tarif, um weiterzumachen.',
    planRequired: 'Dein Tarif erlaubt das nicht. Wechsle den Tarif, um weiterzumachen.',
    homelabUnreachable:
      'Dein Homelab ist nicht erreichbar. Prüfe, ob es eingeschaltet und online ist.',
    refused: (detail: string) => `kombify Cloud hat die Anfrage abgelehnt: ${detail}`,
    rateLimitedAt: (time: string) =>
      `Zu viele Anfragen für deinen Tarif. Versuch es um ${time} wieder.`,
    rateLimitedSoon: 'Zu viele Anfragen für deinen Tarif. Versuch es in einer Minute wieder.',
    tooManyRequests: 'Zu viele Anfragen. Versuch es später noch einmal.',
    cloudTrouble:
      'kombify Cloud hat gerade ein Problem. Versuch es in ein paar Minuten noch einmal.',
  },
  signInErrors: {
    canceled: 'Die Anmeldung wurde abgebrochen.',
    stateMismatch:
      'Der Browser hat für eine andere Anmeldung geantwortet; zu deiner Sicherheit wurde sie ' +
      'gestoppt. Starte die Anmeldung in der App erneut.',
    denied: (detail: string | null) =>
      `kombify hat die Anmeldung nicht erlaubt${detail ? ` (${detail})` : ''}. ` +
      'Starte sie erneut, falls das ein Versehen war.',
    timedOut:
      'Die Anmeldung hat zu lange gedauert und wurde gestoppt. Starte sie erneut, ' +
      'wenn du so weit bist.',
    browserNotSupported:
      'Die Anmeldung im Browser ist in dieser App nicht verfügbar. Melde dich auf ' +
      'einem anderen Weg an.',
    apiKeyRefused:
      'kombify hat diesen API-Schlüssel nicht angenommen. Kopiere ihn erneut aus dem ' +
      'Dashboard (oder erstelle einen neuen) und füge ihn hier ein.',
    pageRefused: (issuer: string) =>
      `Der Anmeldedienst unter ${issuer} verweist auf eine Anmeldeseite einer anderen Website, ` +
      'darum hat kombify Tray sie nicht geöffnet. Prüfe den Endpunkt in den Einstellungen ' +
      'oder melde dich mit einem API-Schlüssel an.',
    browserDidNotOpen:
      'Dein Browser ließ sich aus der App nicht öffnen. Melde dich stattdessen mit einem ' +
      'Gerätecode an: Er zeigt einen Code, den du in einem beliebigen Browser eingibst.',
  },
};
