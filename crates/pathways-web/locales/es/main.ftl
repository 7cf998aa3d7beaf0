# Pathways — español. Cada clave debe existir también en en/main.ftl (una prueba lo comprueba).

## Marco de la página
skip-to-content = Saltar al contenido principal
crisis-label = Líneas de crisis
crisis-lead = ¿Necesita ayuda ahora? Gratis y confidencial, las 24 horas:
crisis-call-988 = Llame al 988
crisis-text-988 = Envíe un texto al 988
nav-label = Principal
nav-home = Inicio
nav-staff-home = Inicio del personal
nav-people = Personas
language-switch-label = Idioma
sign-in = Iniciar sesión
sign-out = Cerrar sesión
footer-emergency = En una emergencia, llame al
footer-about = Pathways apoya la recuperación por muchos caminos. Su información es privada y está protegida.

## Inicio
home-title = Encuentre su camino hacia la recuperación
home-lead = La recuperación es posible y es diferente para cada persona. Pathways conecta a las personas en recuperación, a sus familias y a quienes las apoyan con la ayuda adecuada.
home-help-now = Ayuda ahora mismo
home-988-detail = Línea de Prevención del Suicidio y Crisis: hable con alguien ahora, por llamada o texto.
home-access-line-detail = Le conecta con tratamiento, incluida la desintoxicación, y organiza el transporte.
home-call-911 = Llame al 911 en una emergencia médica
home-pathways-title = Muchos caminos
home-pathways-lead = Las personas encuentran la recuperación de distintas maneras, y a menudo de más de una:
pathway-clinical = Tratamiento
pathway-clinical-detail = Programas ambulatorios y residenciales, desintoxicación y medicamentos para el trastorno por consumo de opioides y de alcohol.
pathway-peer = Apoyo entre pares
pathway-peer-detail = Coaches de recuperación y grupos de ayuda mutua, con personas que han recorrido este camino.
pathway-self = Autogestión
pathway-self-detail = Su propio plan, basado en sus fortalezas, a su propio ritmo.
home-staff-title = Para el personal
home-staff-lead = Coaches de recuperación, profesionales clínicos y personal de programas:
home-staff-sign-in = inicie sesión en Pathways

## Inicio de sesión
login-help = ¿Problemas para iniciar sesión? Consulte al administrador de Pathways de su organización.
login-failed = Ese correo y esa contraseña no coinciden con ninguna cuenta. Revíselos e inténtelo de nuevo.
field-email = Correo electrónico
field-login = Correo electrónico o nombre de usuario
field-password = Contraseña

## Inicio del personal
staff-welcome = Bienvenido/a, { $name }
role-admin = Administrador/a
role-supervisor = Supervisor/a
role-coach = Coach de recuperación entre pares
role-clinician = Profesional clínico
role-access-line = Operador/a de la línea de acceso
role-provider-staff = Personal del proveedor
role-directory-editor = Editor del directorio
role-analyst = Analista
staff-caseload-detail = Las personas a quienes acompaña: sus datos y cómo comunicarse con ellas.
staff-people-detail = Todas las personas que apoya su organización.
staff-no-records-title = Registros de personas
staff-no-records-detail = Su rol no abre registros de personas.
staff-analyst-detail = Su rol trabaja solo con cifras anonimizadas: nunca ve quién es una persona.
staff-crisis-title = Líneas de crisis
staff-crisis-detail = El 988 y la línea de acceso están arriba en cada página, a un toque.

## Personas
persons-title = Personas
persons-title-caseload = Sus personas acompañadas
persons-add = Agregar una persona
persons-edit-title = Editar a { $name }
persons-search-label = Buscar por nombre
persons-count = { $count ->
    [0] No se encontró a nadie.
    [one] Una persona.
   *[other] { $count } personas.
}
search = Buscar
save = Guardar
cancel = Cancelar
edit = Editar
not-given = No indicado
language-not-given = No indicado
coach-none = Aún sin coach
form-problems = Revise estos campos
hint-preferred-name = El nombre con el que quiere que le llamen.
hint-pronouns = Por ejemplo: ella, él, elle.
hint-legal-name = Solo si hace falta, por ejemplo para el seguro.
hint-phone = Un número de EE. UU., o uno internacional que empiece con +.
pagination-label = Páginas
pagination-previous = Página anterior
pagination-next = Página siguiente
pagination-page = Página

## Campos
field-preferred-name = Nombre preferido
field-legal-name = Nombre legal
field-pronouns = Pronombres
field-date-of-birth = Fecha de nacimiento
field-preferred-language = Idioma preferido
field-phone = Teléfono
field-assigned-coach = Coach asignado

## Problemas en los campos
field-error-required = Este dato es obligatorio.
field-error-too-long = Es demasiado largo.
field-error-invalid-characters = Tiene caracteres que no se pueden usar.
field-error-invalid-date = Escriba una fecha como 1990-04-12.
field-error-date-out-of-range = Esa fecha no es posible.
field-error-invalid-language = Elija un idioma de la lista.
field-error-invalid-phone = Escriba un teléfono como 860-555-0142.
field-error-invalid-email = Escriba un correo como nombre@ejemplo.org.
field-error-invalid-coach = Elija un coach de su organización.

## Mensajes después de una acción
flash-saved = Guardado.
flash-created = Guardado. Se agregó a la persona.
flash-signed-out = Ha cerrado la sesión.
flash-signed-in = Ha iniciado sesión.
flash-session-ended = Su sesión terminó. Inicie sesión de nuevo.

## Errores
error-not-found = Página no encontrada
error-not-found-detail = No hay nada aquí, o no tiene acceso.
error-forbidden = No disponible para su rol
error-forbidden-detail = Su rol no puede abrir esta página.
error-unauthorized = Inicie sesión
error-unauthorized-detail = Esto requiere una sesión o un token de API válidos.
error-csrf = Este formulario caducó
error-csrf-detail = Vuelva atrás, recargue la página e inténtelo de nuevo.
error-invalid = Algunos campos necesitan atención
error-invalid-detail = Revise los campos e inténtelo de nuevo.
error-conflict = Ya está en uso
error-conflict-detail = Otro registro ya usa este valor.
error-too-many = Demasiados intentos
error-too-many-detail = Por su seguridad, espere 15 minutos antes de volver a intentarlo.
error-internal = Algo salió mal
error-internal-detail = No es usted: algo falló de nuestro lado. Inténtelo de nuevo en un momento.
error-method = No permitido
error-method-detail = Esta página no se puede usar de esa manera.
error-too-large = Demasiados datos
error-too-large-detail = Lo que se envió es demasiado grande.
error-bad-form = No se pudo leer este formulario
error-bad-form-detail = Vuelva atrás, recargue la página e inténtelo de nuevo.
error-bad-json = El cuerpo de la solicitud no es JSON válido
error-bad-json-detail = Compare el cuerpo de la solicitud con la descripción de la API.
error-request-id = Si contacta al soporte, indique esta referencia:
error-go-home = Ir a la página de inicio

## Plan de recuperación
plan-title-mine = Mi plan de recuperación
plan-title-of = Plan de recuperación: { $name }
plan-version = Versión
plan-saved-by = guardada por
plan-empty = Aún no hay plan. Empiece con una meta en cualquier área de la vida.
plan-history = Historial del plan
plan-back = Volver al plan
plan-overview = Caminos y revisión
plan-pathways = Caminos
plan-pathways-hint = Las formas de recuperación que usted elige. Elija todas las que correspondan.
plan-pathway-other = Otro camino, en sus palabras
plan-stage = Etapa
plan-review-date = Fecha de revisión
plan-review-hint = Cuándo volver a mirar este plan juntos.
plan-review-due = Revisión pendiente
plan-edit-overview = Cambiar caminos, etapa y fecha de revisión
plan-no-goals = Aún no hay metas aquí.
plan-no-changes = Sin cambios.
plan-restored-from = restaurada desde la versión { $version }
plan-restore = Restaurar la versión { $version }
plan-conflict-title = Otra persona guardó este plan mientras usted trabajaba en él
plan-conflict-detail = Sus palabras se conservan abajo. Mire lo que cambió y guarde de nuevo para aplicar sus cambios encima, o cancele para quedarse con los de la otra persona.
plan-conflict-theirs = La meta ahora dice:
plan-conflict-removed = La meta se eliminó en el otro guardado.
plan-conflict-version = El plan está ahora en la versión { $version }.
goal-edit = Editar «{ $goal }»
goal-add-in = Agregar una meta en { $dimension }
goal-edit-title = Meta
goal-text-hint = En sus propias palabras: ¿qué quiere lograr?
goal-steps-hint = Pasos pequeños: qué, quién ayuda y para cuándo. Deje vacía una fila si no la necesita.
goal-supports-hint = Personas y servicios que ayudan, uno por línea.
goal-new-note = Agregar una nota de progreso
goal-field-text = Meta
goal-field-dimension = Área de la vida
goal-field-why = Por qué me importa
goal-field-strengths = Fortalezas en las que apoyarme
goal-field-status = Estado
goal-field-target-date = Fecha objetivo
goal-field-steps = Pasos de acción
goal-field-supports = Apoyos
goal-field-notes = Notas de progreso
goal-field-id = Meta
goal-field-goals = Metas
step-what = Paso
step-who = Quién ayuda con el paso
step-by-label = Para cuándo, paso
step-by = para el
step-done = Hecho
dimension-health = Salud
dimension-health-hint = Bienestar físico y emocional, y las decisiones que lo apoyan.
dimension-home = Hogar
dimension-home-hint = Un lugar seguro y estable donde vivir.
dimension-purpose = Propósito
dimension-purpose-hint = Actividades diarias con sentido: trabajo, estudios, voluntariado, familia, creatividad.
dimension-community = Comunidad
dimension-community-hint = Relaciones y redes que ofrecen apoyo, amistad, amor y esperanza.
pathway-clinical-treatment = Tratamiento clínico
pathway-medication = Medicamentos para el trastorno por consumo de opioides o de alcohol
pathway-mutual-help = Grupos de ayuda mutua
pathway-peer-coaching = Acompañamiento de pares en la recuperación
pathway-faith-based = Recuperación basada en la fe
pathway-self-management = Autogestión
pathway-harm-reduction = Reducción de daños
pathway-other = Otro
stage-engagement = Vinculación
stage-stabilization = Inicio y estabilización
stage-maintenance = Mantenimiento
stage-quality-of-life = Mejora de la calidad de vida
goal-status-not-started = Sin empezar
goal-status-in-progress = En curso
goal-status-achieved = Lograda
goal-status-set-aside = En pausa
change-pathway-added = Camino agregado: { $pathway }
change-pathway-removed = Camino quitado: { $pathway }
change-stage = Etapa cambiada a { $stage }
change-review-date = Fecha de revisión cambiada a { $date }
change-goal-added = Meta agregada
change-goal-removed = Meta eliminada
flash-restored = Restaurado. La versión anterior es ahora el plan vigente.
field-error-too-many = Hay demasiados.
field-error-duplicate = Esto aparece dos veces.
field-error-out-of-range = Está fuera del rango permitido.

## BARC-10
barc10-title = Capital de recuperación (BARC-10)
barc10-intro-self = Diez afirmaciones sobre su vida y su recuperación en este momento. Para cada una, elija cuánto está de acuerdo. No hay respuestas correctas ni incorrectas.
barc10-intro-staff = Lea cada afirmación con la persona y anote cuánto está de acuerdo. Use su respuesta, no la suya.
barc10-item-1 = Hay cosas más importantes para mí en la vida que consumir sustancias.
barc10-item-2 = En general, estoy contento/a con mi vida.
barc10-item-3 = Tengo suficiente energía para completar las tareas que me propongo.
barc10-item-4 = Me siento orgulloso/a de la comunidad donde vivo y me siento parte de ella.
barc10-item-5 = Recibo mucho apoyo de mis amistades.
barc10-item-6 = Considero que mi vida es desafiante y satisfactoria sin necesidad de consumir drogas o alcohol.
barc10-item-7 = El lugar donde vivo ha ayudado a impulsar mi camino de recuperación.
barc10-item-8 = Asumo toda la responsabilidad por mis acciones.
barc10-item-9 = Me siento a gusto tratando con distintos profesionales.
barc10-item-10 = Estoy avanzando bien en mi camino de recuperación.
barc10-answer-1 = Muy en desacuerdo
barc10-answer-2 = En desacuerdo
barc10-answer-3 = Algo en desacuerdo
barc10-answer-4 = Algo de acuerdo
barc10-answer-5 = De acuerdo
barc10-answer-6 = Muy de acuerdo
barc10-submit = Ver mi resultado
barc10-take = Hacer el BARC-10
barc10-none = Aún no hay BARC-10.
barc10-history-mine = Mi capital de recuperación
barc10-history-of = Capital de recuperación: { $name }
barc10-summary = Cambio desde el primer BARC-10: { $change } puntos.
barc10-chart-title = Totales del BARC-10 a lo largo del tiempo
barc10-chart-desc = Cada punto es un total del BARC-10, en una escala de 10 a 60. La línea marca 47. Los mismos números están en la tabla de abajo.
barc10-chart-caption = Totales de 10 a 60; la línea marca 47.
barc10-cutoff-label = 47:
barc10-table-caption = Totales del BARC-10 por fecha
barc10-total = Total
barc10-change = Cambio
barc10-back = Todos los resultados del BARC-10
barc10-result-title = Resultado del BARC-10
barc10-of-60 = de 60
barc10-above = Este total es de 47 o más. En la investigación del BARC-10, los totales de este nivel se asociaron con una remisión sostenida.
barc10-below = Este total es menor de 47. No es un juicio: el capital de recuperación crece, y las áreas de abajo son buenos puntos de partida.
barc10-not-a-diagnosis = El BARC-10 describe fortalezas y recursos para la recuperación. No es un diagnóstico ni un examen que se aprueba o se reprueba.
barc10-areas = Áreas para fortalecer
barc10-answered = Respuesta:
barc10-add-goal = Agregar una meta en { $dimension }
barc10-all-answers = Las diez respuestas
barc10-source = BARC-10: Vilsaint, C. L., Kelly, J. F., Bergman, B. G., Groshkova, T., Best, D., y White, W. (2017). Development and validation of a Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug use disorder. Drug and Alcohol Dependence, 177, 71–76. De uso libre. Traducción al español de Pathways.
barc10-error-count = El BARC-10 tiene 10 afirmaciones; se dieron { $count } respuestas.
barc10-error-missing = La afirmación { $item } necesita una respuesta.
barc10-error-range = Afirmación { $item }: elija una de las seis respuestas.
date = Fecha

## Palabras comunes
apply = Aplicar
choose = Elija…
yes = Sí
no = No
never = Nunca
urgent = Urgente
back-to-person = Volver a la página de la persona
recovery-title = Recuperación
plan-title-short = Plan de recuperación
summary-goals = { $count ->
    [0] Aún no hay metas.
    [one] Una meta.
   *[other] { $count } metas.
}
summary-no-plan = Aún no hay plan.

## Atención
attention-title = Necesita atención
attention-resolve = Marcar como atendido
attention-unsafe-checkin = Dijo que no estaba a salvo en un registro
attention-barc10-drop = El capital de recuperación bajó 5 puntos o más

## Registros
checkin-title = Registrarme
checkin-lead = Un minuto para contar cómo está. Su coach ve sus registros.
checkin-mood = ¿Cómo está su estado de ánimo hoy?
mood-1 = Muy bajo
mood-2 = Bajo
mood-3 = Regular
mood-4 = Bien
mood-5 = Muy bien
checkin-craving = ¿Qué tan fuertes son los deseos de consumir ahora?
craving-none = nada
craving-strongest = lo más fuerte
checkin-used = ¿Ha consumido desde su último registro?
checkin-use-note = Si quiere, unas palabras sobre eso
checkin-meetings-attended = Reuniones o grupos desde su último registro
checkin-supports = ¿Quién o qué le ayudó?
checkin-safe = ¿Está a salvo en este momento?
checkin-safe-yes = Sí, estoy a salvo
checkin-safe-no = No, no estoy a salvo
checkin-submit = Enviar registro
checkin-not-safe = No a salvo
checkin-col-mood = Ánimo
checkin-col-craving = Deseo (0–10)
checkin-col-used = Consumo
checkin-col-meetings = Reuniones
checkin-col-safe = A salvo
checkins-title = Registros
checkins-mine = Mis registros
checkins-of = Registros: { $name }
checkins-none = Aún no hay registros.
checkins-craving-chart = Deseo de consumir en los registros recientes
checkins-craving-desc = Deseo de consumir de 0 (nada) a 10 (lo más fuerte) en cada registro, el más antiguo a la izquierda. Los mismos números están en la tabla de abajo.
checkins-table-caption = Registros recientes, el más nuevo primero
flash-checkin = Gracias por registrarse.
crisis-title = No tiene que enfrentar esto a solas
crisis-lead-after-checkin = Gracias por decírnoslo. Por favor, comuníquese ahora: hay alguien disponible de día y de noche.
crisis-coach-told = Le avisamos a su coach, que se comunicará con usted.

## Encuentros
encounter-log = Encuentros
encounters-of = Encuentros: { $name }
encounter-add = Registrar un encuentro
encounter-date = Fecha
encounter-type = Tipo
encounter-minutes = Minutos
encounter-topics = Temas
encounter-topics-hint = Separe los temas con comas, por ejemplo: vivienda, trabajo.
encounter-notes = Notas
encounter-notes-hint = Solo usted, el coach de la persona y los supervisores pueden leer las notas.
encounter-notes-hidden = Las notas solo las ven quien las escribió, el coach asignado y los supervisores.
encounter-none = Aún no hay encuentros.
encounter-type-in-person = En persona
encounter-type-phone = Teléfono
encounter-type-text = Mensaje de texto
encounter-type-video = Video
encounter-type-group = Grupo

## Invitaciones
invite-create = Invitar a su propio portal
invite-title = Invitación al portal
invite-lead = Entregue a { $name } este enlace o código. Con él elige un nombre de usuario y una contraseña y abre su propio portal.
invite-link = Enlace
invite-code = Código de invitación
invite-code-where = para escribir en /invite
invite-expires = Vence
invite-once = Funciona una sola vez. Cree uno nuevo si vence.
invite-already = { $name } ya tiene su propia cuenta del portal.
invite-accept-title = Abra su portal de Pathways
invite-accept-lead = Elija un nombre de usuario y una contraseña. Solo usted los usará.
invite-username = Nombre de usuario
invite-username-hint = De 3 a 40 letras minúsculas, números, puntos, guiones o guiones bajos.
invite-password-hint = Al menos 12 caracteres. Unas palabras sin relación entre sí forman una contraseña fuerte y fácil de recordar.
invite-password-again = Repita la contraseña
invite-accept-submit = Abrir mi portal
invite-invalid = Esta invitación no es válida: puede haber vencido o ya se usó. Pida una nueva a su coach.
invite-bad-username = Elija un nombre de usuario de 3 a 40 letras minúsculas, números, puntos, guiones o guiones bajos.
invite-passwords-differ = Las dos contraseñas no son iguales.
invite-username-taken = Ese nombre de usuario ya existe. Elija otro.
password-too-short = La contraseña necesita al menos 12 caracteres.
password-too-long = La contraseña puede tener como máximo 256 caracteres.
password-too-guessable = Esa contraseña es demasiado fácil de adivinar. Pruebe con unas palabras sin relación entre sí.

## Portal
portal-home = Mi inicio
portal-hello = Hola, { $name }
portal-team = Mi equipo
portal-team-coach = Su coach de recuperación: { $coach }
portal-team-org = Su organización: { $org }
portal-privacy = Su coach y sus supervisores pueden ver su plan, sus registros y su BARC-10. Cada vez que alguien abre su expediente, queda registrado.

## Personas acompañadas
nav-caseload = Personas acompañadas
caseload-open = Abrir la lista de personas acompañadas: quién necesita atención hoy
caseload-team = Personas acompañadas por el equipo
caseload-flags = Necesita atención
caseload-last-contact = Último contacto
caseload-last-checkin = Último registro
caseload-barc = BARC-10 (cambio)
caseload-truncated = Se muestran las primeras 500 personas. Elija un coach para ver su lista.
flag-urgent = Urgente
flag-barc-drop = Bajó el BARC-10
flag-quiet = Sin registro en { $days } días
filter-show = Mostrar
filter-all = Todas las personas
filter-all-coaches = Todos los coaches
sort-by = Ordenar por
sort-attention = Primero quien necesita atención
sort-name = Nombre
sort-contact = Último contacto (el más antiguo primero)
sort-checkin = Último registro (el más antiguo primero)
sort-barc = Cambio en el BARC-10 (la mayor baja primero)
field-error-missing = Esto necesita una respuesta.
field-error-wrong-count = La cantidad de respuestas no es correcta.

## The finder
find-title = Buscar reuniones y servicios
find-lead = Reuniones de ayuda mutua, tratamiento, apoyo para la recuperación, grupos para familias y más: búsqueda gratuita, sin iniciar sesión.
find-problem = Revise su búsqueda
find-words = ¿Qué busca?
find-words-hint = Por ejemplo: SMART Recovery, desintoxicación, español, naloxona.
field-near = Cerca de (código postal o ciudad)
find-near-hint = Por ejemplo: 06107 o Hartford.
field-radius-mi = A menos de (millas)
field-category = Tipo de ayuda
field-when = Cuándo
find-when-any = Cualquier momento
find-when-now = Ahora
find-when-soon = En las próximas dos horas
find-when-today = Hoy
find-when-tonight = Esta noche
find-more-filters = Más filtros
field-day = Día
field-online = En persona o en línea
find-online-any = Cualquiera
find-in-person = En persona
find-online = En línea
field-language = Idioma
field-pathway = Camino
field-population = Para
field-cost = Costo y seguro
field-faith = Basado en la fe o laico
field-starts-within-min = Empieza en (minutos)
field-page = Página
find-any = Cualquiera
find-search = Buscar
find-results = Resultados
find-near = cerca de
find-none = No hubo resultados. Pruebe con menos palabras, una distancia mayor u otro día.
find-count = { $count ->
    [one] 1 lugar encontrado
   *[other] { $count } lugares encontrados
}
find-distance = a { $miles } millas
find-in-progress = En curso (empezó a las { $time })
find-today = Hoy
find-approximate = ubicación aproximada
find-approximate-detail = Este lugar se muestra en el centro de su código postal; confirme la dirección antes de ir.
find-call = Llamar al
find-join-online = Unirse en línea
find-back = Volver a la búsqueda
find-schedule = Cuándo
find-times-in = Horario local ({ $zone }).
find-where = Dónde
find-open-maps = Abrir en una aplicación de mapas
find-contact = Contacto
find-details = Detalles
find-last-verified = Información revisada por última vez el { $date }.
find-not-active = Este grupo no se está reuniendo ahora. Llame o consulte en línea antes de ir.
field-error-unknown-place = No encontramos ese lugar. Pruebe con un código postal de 5 dígitos o el nombre de una ciudad.
field-error-unknown-choice = Elija una de las opciones.
language-en = Inglés
language-es = Español
weekday-0 = domingo
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado

## The directory (staff)
nav-directory = Directorio
directory-title = Directorio comunitario
directory-add = Agregar un servicio
directory-edit = Editar { $name }
directory-edit-button = Editar
directory-imported-notice = Este servicio viene de la fuente "{ $source }". Los cambios guardados aquí se reemplazan la próxima vez que se importe esa fuente; corríjalo también en la fuente.
directory-search = El nombre contiene
directory-show-active = En el directorio
directory-show-stale = Sin verificar en 180 días
directory-show-corrections = Con correcciones por revisar
directory-show-retired = Retirados
directory-count = { $count ->
    [one] 1 servicio
   *[other] { $count } servicios
}
directory-source = Fuente
directory-verified = Última verificación
directory-stale = Hay que revisarlo
directory-retired = Retirado
directory-corrections = Correcciones por revisar
directory-no-corrections = No hay correcciones pendientes.
directory-resolve = Corregido
directory-dismiss = No hace falta
directory-verify = Verificado hoy
directory-retire = Retirar
directory-restore = Restablecer
directory-view-public = Ver en el buscador
directory-history = Historial
directory-no-versions = Todavía no se han guardado cambios aquí.
directory-version = Versión
directory-when = Cuándo
directory-saved-by = Guardado por
directory-changed = Qué cambió
directory-first-version = Primera versión
directory-part-name = nombre
directory-part-description = descripción
directory-part-url = dirección web
directory-part-phones = teléfono
directory-part-schedules = horarios
directory-part-attributes = categorías y detalles
directory-part-languages = idiomas
directory-part-status = estado
directory-coords-hint = Deje las coordenadas vacías para ubicar el servicio en el centro de su código postal (marcado como aproximado).
field-name = Nombre
field-organization = Organización
field-description = Descripción
field-categories = Tipos de ayuda
field-attributes = Detalles (camino, para quién es, costo, fe, acceso para sillas de ruedas)
field-languages = Idiomas
field-url = Dirección web
field-online-url = Enlace de la reunión en línea
field-address = Dirección
field-city = Ciudad o pueblo
field-state = Estado
field-postal-code = Código postal
field-latitude = Latitud
field-longitude = Longitud
field-schedule = Horarios semanales
field-start = Empieza
field-end = Termina
field-time-zone = Zona horaria
field-message = ¿Qué hay que cambiar?
field-contact = Cómo comunicarnos con usted (opcional)
field-error-invalid-url = Escriba una dirección web que empiece con https://.
field-error-invalid-postal-code = Escriba un código postal de 5 dígitos.
field-error-invalid-time = Elija un día y escriba horas como 19:00.
find-suggest = Sugerir una corrección
find-suggest-contact-hint = Solo si quiere que le respondamos. Lo ven las personas que mantienen el directorio.
find-suggest-send = Enviar
flash-correction = Gracias. Las personas que mantienen el directorio lo revisarán.

nav-find = Buscar ayuda

## Treatment capacity and bed holds
field-licensed-beds = Camas autorizadas
field-open-beds = Camas disponibles
field-waitlist = Personas en lista de espera
field-available = Solo programas con una cama disponible
field-level = Nivel de atención
field-error-negative = Escriba cero o más.
field-error-too-large = Ese número es demasiado grande.
field-error-more-than-licensed = Las camas disponibles no pueden ser más que las autorizadas.
capacity-no-bed = No queda ninguna cama en este programa. Se muestran otros programas del mismo nivel con camas.
capacity-hold-expired = Esta reserva venció y su cama quedó libre.
capacity-hold-closed = Esta reserva ya estaba cerrada.
nav-capacity = Camas disponibles
capacity-title = Camas de tratamiento disponibles ahora
capacity-lead = Camas disponibles en programas de manejo de la abstinencia (desintoxicación) y residenciales, según las informan los programas. Para conseguir una cama, llame a la línea de acceso: le busca una, se la reserva y le organiza el transporte.
capacity-filter = Mostrar
capacity-level-any = Todos los niveles de atención
capacity-available-only = Solo programas con una cama disponible
capacity-near = Cerca de (código postal o ciudad)
capacity-apply = Ver camas
capacity-none = Ningún programa coincide. La línea de acceso igual puede ayudarle: llame.
capacity-open = { $count ->
    [one] 1 cama disponible
   *[other] { $count } camas disponibles
}
capacity-waitlist = Lista de espera: { $count }, por eso no se muestra ninguna cama disponible
capacity-full = No hay camas disponibles ahora
capacity-updated = Actualizado hace { $age }
capacity-updated-now = Actualizado recién
capacity-age-minutes = { $count } min
capacity-age-hours = { $count } h
capacity-age-days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
capacity-stale = Este número puede estar desactualizado
capacity-distance = A { $miles } millas
capacity-call = Llame a la línea de acceso para conseguir una cama
level-1 = Ambulatorio (1)
level-2-1 = Ambulatorio intensivo (2.1)
level-2-5 = Hospitalización parcial (2.5)
level-3-1 = Residencial de baja intensidad (3.1)
level-3-3 = Residencial para poblaciones específicas (3.3)
level-3-5 = Residencial de alta intensidad (3.5)
level-3-7 = Internación con monitoreo médico (3.7)
level-3-2-wm = Manejo residencial de la abstinencia (3.2-WM)
level-3-7-wm = Manejo de la abstinencia con monitoreo médico (3.7-WM)
level-4-wm = Manejo hospitalario de la abstinencia (4-WM)
level-otp = Programa de tratamiento de opioides
programs-title = Camas de sus programas
programs-lead = Mantenga los números al día: cada toque se guarda al instante y avisa a la línea de acceso. Un programa con personas en espera no muestra camas disponibles.
programs-none = Su organización aún no tiene programas de tratamiento con camas.
programs-open-up = Una cama disponible más en { $name }
programs-open-down = Una cama disponible menos en { $name }
programs-waitlist-up = Una persona más en espera en { $name }
programs-waitlist-down = Una persona menos en espera en { $name }
programs-confirm = Los números siguen bien
programs-type-numbers = Escribir los números
programs-save-numbers = Guardar estos números
programs-holds = Camas reservadas por la línea de acceso
programs-hold-until = Reservada hasta las { $time }
programs-admit = La persona llegó
programs-release = Liberar la cama
nav-programs = Nuestras camas
