/** German: the same shape as English, checked by the Messages type. */
import type { Messages } from './en';

export const de: Messages = {
  app: {
    title: 'kombify Tray',
    windowTitle: (state: string) => `${state} · kombify Tray`,
    connecting: 'Verbindung zu kombify Tray…',
    loadingSnapshot: 'Dein Homelab wird geladen…',
    retry: 'Erneut versuchen',
  },
  bridge: {
    missingKeyTitle: 'Diese Seite braucht ihren Schlüssel',
    missingKeyBefore: 'Öffne die Adresse, die ',
    startCommand: 'npm start',
    missingKeyAfter:
      ' im Terminal ausgegeben hat. Sie endet auf #k=… und verbindet diese Seite ' +
      'mit kombify Tray.',
    unauthorized:
      'kombify Tray hat diese Seite nicht angenommen. Öffne die Adresse von npm start erneut.',
    forbidden: 'kombify Tray lehnt diese Seite wegen ihrer Adresse ab. Öffne sie über 127.0.0.1.',
    unknownMethod: 'Dieses Fenster passt nicht zur Version von kombify Tray. Lade die Seite neu.',
    unreachable: 'kombify Tray antwortet nicht. Prüfe, ob es noch läuft.',
    hostGone:
      'kombify Tray antwortet nicht. Die Seite zeigt den letzten Stand und verbindet ' +
      'sich selbst neu.',
    badResponse: 'kombify Tray hat eine Antwort geschickt, die dieses Fenster nicht versteht.',
    httpStatus: (status: number) => `kombify Tray meldet einen unerwarteten Fehler (${status}).`,
  },
  signIn: {
    title: 'Bei kombify anmelden',
    environment: (name: string) => `Umgebung: ${name}`,
    email: 'E-Mail',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft…',
  },
  dashboard: {
    heading: 'Dein Homelab',
    refresh: 'Aktualisieren',
    refreshing: 'Wird aktualisiert…',
    signOut: 'Abmelden',
    signingOut: 'Abmeldung läuft…',
    updated: (ago: string) => `${ago} aktualisiert`,
    neverUpdated: 'noch nicht aktualisiert',
  },
  overall: {
    'signed-out': 'Abgemeldet',
    ok: 'Alles in Ordnung',
    deploying: 'Deployment läuft',
    failed: 'Ein Deployment ist fehlgeschlagen',
    offline: 'Offline',
  },
  account: {
    heading: 'Konto',
    plan: 'Tarif',
    planNames: { free: 'Free', hobby: 'Hobby', pro: 'Pro', team: 'Team' },
    subscriptionStatus: {
      active: 'aktiv',
      trialing: 'Testphase',
      past_due: 'Zahlung überfällig',
      canceled: 'gekündigt',
    },
    cancelsAtPeriodEnd: 'endet mit dem Abrechnungszeitraum',
    stacks: 'Stacks',
    tools: 'Tools',
    usage: (used: number, limit: number) => `${used} von ${limit}`,
    unknown: 'Die Kontodaten sind noch nicht da.',
  },
  homelabs: {
    heading: 'Homelabs',
    none: 'Mit diesem Konto ist noch kein Homelab verbunden.',
    status: { online: 'Online', offline: 'Offline' },
    lastSeen: (ago: string) => `zuletzt gesehen ${ago}`,
    neverSeen: 'nie gesehen',
    lastKnown: (status: string) => `Zuletzt bekannt: ${status}`,
    notAnswering: 'Antwortet nicht',
    didNotAnswer: (time: string, seen: string) =>
      `Hat um ${time} nicht geantwortet; kombify Cloud hat es zuletzt ${seen} gesehen.`,
  },
  deployments: {
    heading: 'Deployments',
    none: 'Noch keine Deployments. Starte mit dem Base Kit.',
    status: {
      queued: 'Wartet',
      provisioning: 'Vorbereitung',
      deploying: 'Wird bereitgestellt',
      succeeded: 'Erfolgreich',
      failed: 'Fehlgeschlagen',
      deleting: 'Wird gelöscht',
    },
    progress: (name: string) => `Fortschritt von ${name}`,
    on: (homelab: string) => `auf ${homelab}`,
    updated: (ago: string) => `${ago} aktualisiert`,
    started: (ago: string) => `${ago} gestartet`,
    unnamed: 'Deployment ohne Namen',
  },
  deploy: {
    button: (kit: string) => `${kit} bereitstellen`,
    starting: 'Wird gestartet…',
    target: (homelab: string) => `Ziel: ${homelab}.`,
    noHomelab: 'Verbinde zuerst ein Homelab.',
    homelabOffline: (name: string) => `Dein Homelab ${name} ist offline.`,
    quotaFull: (limit: number) =>
      limit === 0
        ? 'Dein Tarif enthält keine Stacks.'
        : limit === 1
          ? 'Der einzige Stack deines Tarifs ist belegt.'
          : `Alle ${limit} Stacks deines Tarifs sind belegt.`,
    cloudOffline: 'kombify Cloud ist gerade nicht erreichbar.',
    started: (name: string) => `${name} gestartet.`,
  },
  banners: {
    offline: (time: string, ago: string) => `Offline – du siehst den Stand von ${time} (${ago})`,
    notConnected: (time: string, ago: string) =>
      `Noch nicht verbunden – du siehst den Stand von ${time} (${ago})`,
    rateLimited: 'kombify Cloud bittet um weniger Anfragen.',
    tryAgainAt: (time: string) => `Versuch es um ${time} wieder.`,
    tryAgainSoon: 'Versuch es gleich noch einmal.',
    keychain:
      'Der Schlüsselbund des Systems ist nicht verfügbar; du musst dich bei jedem ' +
      'Start anmelden.',
    dismiss: 'Schließen',
  },
  errors: {
    generic: 'Etwas ist schiefgegangen. Bitte versuch es noch einmal.',
    rateLimited: 'Zu viele Anfragen für deinen Tarif.',
    hints: {
      INVALID_TOKEN: 'Melde dich neu an.',
      SUBSCRIPTION_LIMIT_EXCEEDED: 'Wechsle in einen größeren Tarif, um das zu tun.',
      HOMELAB_UNREACHABLE: 'Prüfe, ob dein Homelab eingeschaltet und verbunden ist.',
      FORBIDDEN: 'Dein Konto darf das nicht.',
    },
    byCode: {
      INVALID_CREDENTIALS: 'E-Mail oder Passwort stimmen nicht. Versuch es noch einmal.',
      INVALID_TOKEN: 'Deine Sitzung ist abgelaufen.',
      NOT_SIGNED_IN: 'Du bist nicht angemeldet.',
      FORBIDDEN: 'Dein Konto darf das nicht.',
      NOT_FOUND: 'Das gibt es nicht mehr. Aktualisiere für den neuesten Stand.',
      SUBSCRIPTION_LIMIT_EXCEEDED: 'Dein Tarif erlaubt das nicht.',
      HOMELAB_UNREACHABLE: 'Dein Homelab ist nicht erreichbar.',
      RATE_LIMIT_EXCEEDED: 'Zu viele Anfragen für deinen Tarif.',
      OFFLINE: 'kombify Cloud ist nicht erreichbar. Prüfe die Internetverbindung.',
      TIMEOUT: 'kombify Cloud hat nicht rechtzeitig geantwortet.',
      SIGN_IN_PAGE_REFUSED:
        'Der Anmeldedienst hat auf eine Anmeldeseite einer anderen Website verwiesen, darum ' +
        'hat kombify Tray sie nicht geöffnet. Prüfe den Endpunkt in den Einstellungen oder ' +
        'melde dich mit einem API-Schlüssel an.',
      SESSION_NOT_RENEWED:
        'kombify Cloud hat deine Anmeldung gerade nicht verlängert. Du bleibst angemeldet; ' +
        'kombify Tray versucht es gleich noch einmal.',
      MALFORMED_RESPONSE:
        'kombify Cloud hat eine Antwort geschickt, die diese Version nicht versteht.',
      INTERNAL: 'In kombify Tray ist etwas schiefgegangen. Versuch es noch einmal.',
      VALIDATION_ERROR:
        'kombify Cloud hat die Anfrage abgelehnt. Prüfe die Angaben und versuch es noch einmal.',
      INVALID_REQUEST: 'Diese Anfrage kann kombify Tray nicht ausführen. Es wurde nichts geändert.',
      SETTINGS_NOT_SAVED:
        'Deine Einstellungen konnten nicht gespeichert werden. Prüfe den Datenträger und ' +
        'versuch es noch einmal.',
      NO_SUBSCRIPTION:
        'Dieses Konto hat kein Abo, das sich ändern lässt. Öffne die Abrechnung auf kombify.io.',
      LINK_FAILED: 'Der Browser konnte nicht geöffnet werden. Versuch es noch einmal.',
      NOT_SUPPORTED: 'Das geht in dieser App nicht. Melde dich auf einem anderen Weg an.',
      FORBIDDEN_SENDER: 'Diese Anfrage kam nicht aus dem kombify-Fenster.',
      INVALID_API_KEY:
        'kombify hat diesen API-Schlüssel nicht angenommen. Kopiere ihn noch einmal aus dem ' +
        'Dashboard (oder erstelle einen neuen) und füge ihn hier ein.',
      BROWSER_UNAVAILABLE:
        'Dein Browser ließ sich aus der App nicht öffnen. Melde dich mit einem Gerätecode an: ' +
        'Er zeigt einen Code, den du in jedem Browser eingibst.',
      SIGN_IN_CANCELLED: 'Die Anmeldung wurde abgebrochen.',
      SIGN_IN_DENIED:
        'kombify hat die Anmeldung nicht zugelassen. Starte sie neu, falls das ein Versehen war.',
      SIGN_IN_TIMED_OUT:
        'Die Anmeldung hat zu lange gedauert und wurde beendet. Starte sie neu, wenn du so weit bist.',
      SIGN_IN_STATE_MISMATCH:
        'Der Browser hat für eine andere Anmeldung geantwortet; sie wurde zu deiner Sicherheit ' +
        'beendet. Starte die Anmeldung neu aus der App.',
    },
    unknownCode: (code: string) =>
      `kombify meldet einen Fehler (${code}). Versuch es in ein paar Minuten noch einmal.`,
  },
  text: {
    more: 'Mehr zeigen',
    less: 'Weniger zeigen',
  },
  notifications: {
    region: 'Benachrichtigungen',
    dismiss: (title: string) => `Benachrichtigung schließen: ${title}`,
    show: 'Anzeigen',
    showLabel: (title: string) => `Deployment anzeigen: ${title}`,
    showOther: (title: string) => `Anzeigen: ${title}`,
    pausedUntil: (time: string) => `Benachrichtigungen pausiert bis ${time}`,
    pausedUntilResumed: 'Benachrichtigungen pausiert, bis du sie fortsetzt',
  },
  time: {
    secondsAgo: (n: number) => `vor ${n} Sek.`,
    minutesAgo: (n: number) => `vor ${n} Min.`,
    hoursAgo: (n: number) => `vor ${n} Std.`,
    daysAgo: (n: number) => (n === 1 ? 'vor 1 Tag' : `vor ${n} Tagen`),
    justNow: 'gerade eben',
  },
  nav: {
    label: 'Bereiche',
    overview: 'Übersicht',
    deployments: 'Deployments',
    stackkits: 'StackKits',
    tools: 'Tools',
    subscription: 'Abo',
    settings: 'Einstellungen',
  },
  overview: {
    cloud: 'kombify Cloud',
    homelab: 'Homelab',
    cloudStatus: {
      online: 'Verbunden',
      offline: 'Nicht erreichbar',
      'rate-limited': 'Gebremst',
      unknown: 'Verbindung wird aufgebaut…',
    },
    checked: (ago: string) => `letzte Antwort ${ago}`,
    noAnswer: 'noch keine Antwort',
    latest: 'Neueste Deployments',
    seeAll: 'Alle Deployments',
  },
  filters: {
    label: 'Zeigen',
    all: 'Alle',
    active: 'Laufend',
    succeeded: 'Erfolgreich',
    failed: 'Fehlgeschlagen',
    noneMatch: 'Kein Deployment passt zu diesem Filter.',
  },
  detail: {
    open: (name: string) => `Details zu ${name}`,
    label: 'Details',
    back: 'Zurück zu allen Deployments',
    steps: 'Schritte',
    stepNames: {
      queued: 'In der Warteschlange',
      provisioning: 'Homelab wird vorbereitet',
      deploying: 'Dienste werden bereitgestellt',
      succeeded: 'Fertig',
    },
    apiSteps: {
      'waiting for a runner': 'Wartet auf einen Runner',
      'preparing the homelab': 'Homelab wird vorbereitet',
      'pulling images': 'Images werden geladen',
      'starting services': 'Dienste werden gestartet',
      'removing services': 'Dienste werden entfernt',
    },
    stepDone: 'erledigt',
    stepNow: 'jetzt',
    stepFailed: 'hier fehlgeschlagen',
    current: (step: string) => `Gerade: ${step}`,
    created: 'Gestartet',
    updated: 'Letzte Änderung',
    finished: 'Beendet',
    homelab: 'Homelab',
    kit: 'StackKit',
    errorCode: (code: string) => `Fehlercode ${code}`,
    gone: 'Dieses Deployment gibt es nicht mehr. Vielleicht wurde es gelöscht.',
    delete: 'Löschen',
    deleting: 'Wird gelöscht…',
    deleteTitle: (name: string) => `${name} löschen?`,
    deleteBody:
      'kombify entfernt dieses Deployment und seine Dienste von deinem Homelab. ' +
      'Das lässt sich nicht rückgängig machen.',
    deleteConfirm: 'Deployment löschen',
    keep: 'Behalten',
  },
  stackkits: {
    intro: 'Wähle ein StackKit und dein Homelab; kombify richtet es ein und du siehst dabei zu.',
    homelab: 'Homelab',
    kits: {
      'base-kit': {
        name: 'Base Kit',
        summary: 'Ein einzelner Server mit dem Nötigsten.',
        sets: ['Reverse Proxy mit HTTPS', 'Container-Laufzeit', 'Backups deiner Volumes'],
      },
      'modern-homelab': {
        name: 'Modern Homelab',
        summary: 'Knoten zu Hause und in der Cloud arbeiten zusammen.',
        sets: ['Privates Netz zwischen den Knoten', 'Gemeinsamer Speicher', 'Single Sign-on'],
      },
      'ha-kit': {
        name: 'HA Kit',
        summary: 'Hochverfügbarkeit über mehrere Knoten.',
        sets: [
          'Dienste ziehen um, wenn ein Knoten ausfällt',
          'Replizierter Speicher',
          'Zustandsprüfungen',
        ],
      },
    },
    sets: 'Richtet ein',
    deploy: (kit: string) => `${kit} bereitstellen`,
    retry: (kit: string) => `${kit} erneut versuchen`,
    live: 'Fortschritt live',
    offlineHomelab: (name: string) => `${name} ist offline. Schalte es ein, um bereitzustellen.`,
  },
  tools: {
    intro: 'Verbinde Tools mit deinem Homelab. kombify installiert und verdrahtet sie für dich.',
    loading: 'Tools werden geladen…',
    empty: 'Für dein Konto werden noch keine Tools angeboten.',
    categories: {
      monitoring: 'Überwachung',
      networking: 'Netzwerk',
      security: 'Sicherheit',
      backup: 'Backup',
      identity: 'Identität',
      media: 'Medien',
      storage: 'Speicher',
    },
    other: 'Sonstiges',
    connect: 'Verbinden',
    disconnect: 'Trennen',
    connectTo: (homelab: string) => `Verbindet mit ${homelab}.`,
    status: {
      connecting: 'Wird verbunden',
      connected: 'Verbunden',
      error: 'Verbindung fehlgeschlagen',
    },
    needsPlan: (plan: string) => `Ab dem Tarif ${plan} verfügbar.`,
    upgrade: (plan: string) => `Zu ${plan} wechseln`,
    noHomelab: 'Verbinde zuerst ein Homelab.',
    quotaFull: (limit: number) =>
      limit === 0
        ? 'Dein Tarif enthält keine Tools.'
        : limit === 1
          ? 'Der einzige Tool-Platz deines Tarifs ist belegt.'
          : `Alle ${limit} Tool-Plätze deines Tarifs sind belegt.`,
    connectLabel: (tool: string) => `${tool} verbinden`,
    disconnectLabel: (tool: string) => `${tool} trennen`,
  },
  subscription: {
    status: 'Status',
    renews: (date: string) => `Verlängert sich am ${date}`,
    ends: (date: string) => `Endet am ${date}; danach gilt der Tarif Free.`,
    cancelsOn: (date: string) => `Gekündigt zum ${date}`,
    cancelsAtEnd: 'Gekündigt zum Ende des Zeitraums',
    noDate: 'Kein Verlängerungsdatum',
    limits: 'Grenzen',
    requests: (n: number) => `${n} ${n === 1 ? 'Anfrage' : 'Anfragen'} pro Minute`,
    burst: (n: number) => `Spitzen bis ${n}`,
    upgrades: 'Wechseln',
    upgradeTo: (plan: string) => `Zu ${plan} wechseln`,
    upgradeTitle: (plan: string) => `Zu ${plan} wechseln?`,
    upgradeBody: (from: string, to: string) =>
      `Dein Tarif wechselt sofort von ${from} zu ${to}, mit höheren Grenzen. ` +
      'kombify berechnet die Differenz für den Rest dieses Zeitraums.',
    highest: 'Du hast schon den größten Tarif.',
    cancel: 'Abo kündigen',
    cancelTitle: 'Zum Ende des Zeitraums kündigen?',
    cancelBody: (plan: string, date: string) =>
      `Du behältst ${plan} bis ${date}. Danach gilt der Tarif Free, und Deployments ` +
      'über seinen Grenzen werden nicht mehr verwaltet.',
    cancelBodyNoDate: (plan: string) =>
      `Du behältst ${plan} bis zum Ende des bezahlten Zeitraums. Danach gilt der Tarif Free.`,
    cancelConfirm: 'Zum Ende kündigen',
    keep: 'Tarif behalten',
    alreadyCanceled: 'Dieses Abo endet mit dem Abrechnungszeitraum.',
    billing: 'Abrechnung auf kombify.io',
    pricing: 'Tarife vergleichen',
    done: 'Erledigt.',
    none: 'Noch keine Abodaten.',
  },
  settings: {
    intro: 'Jede Änderung wird sofort gespeichert.',
    saved: 'Gespeichert.',
    endpoint: 'Endpunkt',
    endpoints: { production: 'Produktion', staging: 'Staging', custom: 'Eigene URL' },
    customUrl: 'API-URL',
    customHint: 'https, oder http auf 127.0.0.1 / localhost, etwa https://api.example.com/v1.',
    invalidUrl: 'Gib eine https-Adresse ein, oder http auf 127.0.0.1 bzw. localhost.',
    apply: 'Diese URL verwenden',
    fixed:
      'Beim Start festgelegt, über KOMBIFY_API_URL oder den Emulator von npm start; ' +
      'dort ändern.',
    updates: 'Aktualisierung',
    pollingBefore: 'Alle',
    pollingAfter: 'Sekunden nach Änderungen sehen',
    pollingHint: 'Während ein Deployment läuft, sieht kombify Tray öfter nach.',
    pollingInvalid: (min: number, max: number) =>
      `Nicht gespeichert. Gib eine Zahl von ${min} bis ${max} Sekunden ein.`,
    notifications: 'Benachrichtigungen',
    pause: 'Benachrichtigungen pausieren',
    pauseFor: {
      hour: 'Für eine Stunde',
      tomorrow: 'Bis morgen',
      'until-resumed': 'Bis ich sie fortsetze',
    },
    pauseHint:
      'Nichts geht verloren: Was in der Zwischenzeit passiert, kommt nach der Pause ' +
      'als eine Zusammenfassung.',
    pausedUntil: (time: string) => `Pausiert bis ${time}`,
    pausedUntilResumed: 'Pausiert, bis du sie fortsetzt',
    resume: 'Fortsetzen',
    kinds: {
      'deployment-created': 'Ein Deployment startet',
      'deployment-succeeded': 'Ein Deployment ist erfolgreich',
      'deployment-failed': 'Ein Deployment schlägt fehl',
      'deployment-deleted': 'Ein Deployment wird gelöscht',
      'homelab-offline': 'Das Homelab geht offline',
      'homelab-online': 'Das Homelab ist wieder online',
      'plan-changed': 'Der Tarif ändert sich',
      'subscription-canceled': 'Das Abo wird gekündigt',
      'payment-past-due': 'Eine Zahlung ist überfällig',
      'quota-nearly-full': 'Ein Kontingent ist voll oder fast voll',
    },
    quietHours: 'Ruhezeiten',
    quietEnabled: 'Keine Benachrichtigungen während der Ruhezeiten',
    from: 'Von',
    to: 'Bis',
    quietHint: 'Im 24-Stunden-Format, etwa 22:00 bis 07:00.',
    quietInvalid: 'Nicht gespeichert. Gib eine Uhrzeit wie 22:00 ein.',
    startup: 'Autostart',
    startAtLogin: 'kombify Tray bei der Anmeldung starten',
    appearance: 'Darstellung',
    theme: 'Design',
    themes: { system: 'Wie das System', light: 'Hell', dark: 'Dunkel' },
    language: 'Sprache',
    languages: { system: 'Wie das System', en: 'English', de: 'Deutsch' },
  },
  signInMethods: {
    label: 'Anmeldeart',
    browser: 'Browser',
    device: 'Gerätecode',
    password: 'E-Mail',
    apiKey: 'API-Schlüssel',
    browserIntro: (issuer: string | null) =>
      `Melde dich im Browser bei ${issuer ?? 'kombify'} an; kombify Tray übernimmt den Rest.`,
    browserButton: 'Im Browser fortfahren',
    browserWaiting:
      'Schließe die Anmeldung im Browser ab. Dieses Fenster aktualisiert sich selbst.',
    browserManual: 'Kein Browser aufgegangen? Öffne diese Adresse darin:',
    copyUrl: 'Adresse kopieren',
    copied: 'Kopiert.',
    deviceIntro:
      'Für Rechner, auf denen der Browser nicht zur App zurückkommt: ' +
      'Code auf einem anderen Gerät eingeben.',
    deviceButton: 'Code anfordern',
    deviceCode: 'Dein Code',
    deviceOpen: 'Anmeldeseite öffnen',
    deviceWhere: 'Gib ihn hier ein:',
    copyCode: 'Code kopieren',
    deviceExpires: (time: string) => `Der Code gilt bis ${time}.`,
    apiKeyLabel: 'API-Schlüssel',
    apiKeyHint: 'Du erstellst ihn im kombify-Dashboard unter API-Schlüssel.',
    apiKeyButton: 'Mit dem Schlüssel anmelden',
    cancel: 'Abbrechen',
  },
  nextStep: {
    upgrade: 'Tarife ansehen',
    homelab: 'Homelab jetzt prüfen',
    signIn: 'Neu anmelden',
  },
};
