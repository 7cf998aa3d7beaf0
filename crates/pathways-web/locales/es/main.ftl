# Pathways — español. Cada clave debe existir también en en/main.ftl (una prueba lo comprueba).

## Marco de la página
skip-to-content = Saltar al contenido principal
crisis-label = Líneas de ayuda
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
home-access-line-detail = Gratis, las 24 horas: ayuda para entrar en tratamiento por consumo de sustancias, incluida la desintoxicación. Da prioridad al transporte a la desintoxicación.
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
login-help = ¿Olvidó su contraseña? Su coach o el administrador de su organización pueden darle un enlace para restablecerla.
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
role-demo = Datos de demostración creados por Pathways
role-directory-editor = Editor del directorio
role-analyst = Analista
staff-caseload-detail = Las personas a quienes acompaña: sus datos y cómo comunicarse con ellas.
staff-people-detail = Todas las personas que apoya su organización.
staff-no-records-title = Registros de personas
staff-no-records-detail = Su rol no abre registros de personas.
staff-analyst-detail = Su rol trabaja solo con cifras anonimizadas: nunca ve quién es una persona.
staff-crisis-title = Líneas de ayuda
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
error-read-only-token = Este token solo puede leer
error-read-only-token-detail = El token de API usado es de lectura: puede ver los registros pero no cambiarlos. Pida un token de escritura, o cree uno en su página de tokens de API.
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
error-bad-query = No se pudo leer la cadena de consulta
error-bad-query-detail = Compare cada parámetro de la consulta con la descripción de la API: su tipo y sus límites.
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
invite-passwords-differ = Las dos contraseñas no son iguales.
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
find-count-more = Al menos { $count } lugares encontrados. Agregue una palabra, un lugar o un filtro para reducirlos.
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
capacity-lead = Camas disponibles en programas de manejo de la abstinencia (desintoxicación) y residenciales, según las informan los programas. Para recibir ayuda para conseguir una cama, llame a la línea de acceso: ayuda con la conexión a tratamiento, da prioridad al transporte a la desintoxicación y podría organizar el transporte a tratamiento residencial.
field-region = Región
capacity-region-any = Todas las regiones
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
nav-figures = Cifras del programa
nav-line-figures = Cifras de la línea de acceso
nav-access-line = Línea de acceso
nav-transport = Transporte
field-caller-type = Quién llama
field-first-name = Nombre
field-callback = Número para devolver la llamada
field-place = Ciudad o código postal
field-substances = Sustancias
field-hours-since-last-use = Horas desde el último uso
field-pickup = Lugar de recogida
field-destination = Destino
field-within-hours = Cuándo
field-notes = Notas
field-status = Estado
field-reason = Motivo
line-title = Línea de acceso
line-new-call = Nueva llamada
line-anonymous = La persona quiere seguir en el anonimato
line-caller-person = La persona que necesita ayuda
line-caller-family = Familia o un amigo
line-caller-provider = Un proveedor
line-caller-police = Policía
line-caller-other = Otra persona
line-substance-alcohol = Alcohol
line-substance-opioids = Opioides (heroína, fentanilo, pastillas)
line-substance-sedatives = Sedantes (benzodiacepinas)
line-substance-stimulants = Estimulantes (cocaína, metanfetamina)
line-substance-cannabis = Cannabis
line-substance-other = Otra cosa
line-medical = Señales de abstinencia y médicas
line-withdrawal-signs = Señales de abstinencia ahora (temblores, sudor, náuseas, dolores)
line-hallucinations = Ve u oye cosas, o está confundida
line-seizure-history = Convulsiones por abstinencia o delirium tremens antes
line-emergency = Una convulsión ahora, inconsciente, dolor de pecho, dificultad para respirar o una sobredosis ahora
line-safety = Seguridad
line-safety-concern = Pensamientos de suicidio o de hacer daño a otros
line-danger-now = Peligro en este momento
line-situation = Situación
line-unhoused = No tiene un lugar estable donde quedarse
line-returned = Volvió a consumir después de un tratamiento en el último mes
line-save-call = Guardar la llamada y ver la sugerencia
line-follow-ups = Llamadas de seguimiento pendientes
line-recent = Llamadas de los últimos dos días
line-no-calls = Todavía no hay llamadas.
line-no-follow-ups = No hay seguimientos pendientes.
line-anonymous-caller = Anónimo
line-call-title = Llamada de las { $time }
line-call-911 = Llame al 911 ahora
line-offer-988 = Ponga a la persona en contacto con el 988
line-suggested = Nivel de atención sugerido
line-suggested-none = Sin cama: es una emergencia
line-suggestion-note = Una sugerencia según las respuestas, no una evaluación. Usted decide.
line-reason-emergency_sign = Una señal de emergencia
line-reason-severe_withdrawal_risk = Abstinencia de alcohol o sedantes con una señal grave
line-reason-risky_withdrawal_signs = Señales de abstinencia de alcohol o sedantes
line-reason-seizure_history_recent_use = Uso reciente de alcohol o sedantes y convulsiones por abstinencia antes
line-reason-opioid_withdrawal_signs = Señales de abstinencia de opioides
line-reason-recent_use = Uso en los últimos tres días
line-reason-unstable_housing = No tiene un lugar estable donde quedarse
line-reason-recent_return_to_use = Volvió a consumir hace poco después de un tratamiento
line-reason-no_withdrawal_risk = Ninguna señal de riesgo de abstinencia
line-reason-safety_concern = Una preocupación de seguridad
line-reason-danger_now = Peligro en este momento
line-also = También conviene ofrecer: { $level }
line-choose-level = Nivel que buscar
line-no-bed-needed = No necesita cama
line-save-level = Usar este nivel
line-programs = Programas con una cama disponible
line-no-programs = Ningún programa de este nivel tiene camas disponibles ahora. Pruebe otro nivel o llame a programas con números desactualizados.
line-hold = Reservar una cama aquí
line-holds = Camas reservadas para esta llamada
line-hold-state-held = Reservada hasta las { $time }
line-hold-state-admitted = Ingresó
line-hold-state-released = Liberada
line-hold-state-expired = Vencida
line-ride = Transporte al tratamiento
line-within = En menos de { $hours } h
line-request-ride = Pedir el transporte
line-rides = Transportes de esta llamada
line-follow-up = Llamada de seguimiento
line-follow-up-due = Pendiente: { $time }
line-outcome-connected = La persona llegó al tratamiento
line-outcome-not_connected = La persona no llegó
line-outcome-no_answer = No contestó
line-save-follow-up = Guardar el seguimiento
line-follow-up-done = Seguimiento hecho: { $outcome }
line-no-bed-left = Ya no quedaba cama allí: elija otro programa.
transport-title = Cola de transporte
transport-lead = Primero los traslados a manejo de la abstinencia, luego a programas residenciales, luego los demás; dentro de cada grupo, quien lleva más tiempo esperando.
transport-empty = No hay traslados en espera.
transport-class-withdrawal_management = Desintoxicación
transport-class-residential = Residencial
transport-class-other = Otro
transport-waiting = Esperando hace { $count } min
transport-status-requested = Pedido
transport-status-assigned = Asignado
transport-status-en_route = En camino
transport-status-picked_up = Recogida
transport-status-delivered = Entregada
transport-status-cancelled = Cancelado
transport-status-no_show = No estaba (ausente)
transport-next-assigned = Marcar asignado
transport-next-en_route = Marcar en camino
transport-next-picked_up = Marcar recogida
transport-next-delivered = Marcar entregada
transport-cancel = Cancelar el traslado
transport-no-show = Marcar ausente
transport-not-next = Ese traslado cambió mientras tanto; la cola muestra dónde está ahora.
figures-title = Cifras de la línea
figures-lead = { $count ->
    [one] En los últimos 90 días: 1 llamada.
   *[other] En los últimos 90 días: { $count } llamadas.
}
figures-times = Tiempo desde la llamada
figures-from-call = Desde la llamada hasta
figures-median = Mediana
figures-p90 = Percentil 90
figures-n = Llamadas
figures-call-to-hold = una cama reservada
figures-call-to-pickup = la recogida
figures-call-to-admission = el ingreso
figures-detox-4h = Traslados a desintoxicación recogidos en menos de 4 horas
figures-stale-looks = Números desactualizados cuando un operador los miró
figures-connected = Seguimientos que encontraron a la persona en tratamiento
figures-none = todavía ninguno
line-figures = Cifras de la línea
line-person = Un registro de la persona
line-person-anonymous = Una llamada anónima: queda como registro de llamada anónima.
line-person-lead = Si la persona está de acuerdo, la llamada se convierte en un registro de la persona (solo nombre y número) con un coach de recuperación entre pares, que se pone en contacto.
line-person-make = La persona está de acuerdo: crear el registro
line-person-made = Se creó un registro con el acuerdo de la persona; su coach lo tiene en su lista de casos.
capacity-openings = { $count ->
    [one] 1 cupo
   *[other] { $count } cupos
}

## Check-ups and outreach (issue 5)
field-days-alcohol-90 = Días de consumo de alcohol en los últimos 90 días
field-days-drugs-90 = Días de consumo de otras drogas en los últimos 90 días
field-weekly-use-since-last = Consumo semanal o más desde el último seguimiento
field-past-month-problems = Problemas por el consumo en el último mes
field-wants-treatment = Dice que necesita o quiere tratamiento
field-in-treatment = En tratamiento ahora
field-treatment-status = Tratamiento actual
field-housing = Vivienda
field-work-or-school = Trabajo o estudios
field-social-support = Apoyo para la recuperación
field-barc10 = Respuestas del BARC-10
field-channel = Cómo se intentó el contacto
field-outcome = Qué pasó
field-error-invalid = Esta respuesta no se puede usar.
nav-outreach = Contacto
outreach-title = Contacto para hoy
outreach-intro = Quién le necesita hoy: primero lo más urgente, luego quien lleva más tiempo esperando. Registre cada intento de contacto; después de tres sin lograrlo, su supervisor también lo verá.
outreach-show-all = Mostrar todos los elementos
outreach-show-escalated = Mostrar solo lo escalado a supervisores
outreach-empty = Nada necesita contacto ahora.
outreach-page = Página { $page } de { $pages }
outreach-count = { $count ->
    [one] Un elemento
   *[other] { $count } elementos
}
outreach-waited-days = { $count ->
    [0] abierto hoy
    [one] esperando 1 día
   *[other] esperando { $count } días
}
outreach-attempts = { $count ->
    [one] 1 intento
   *[other] { $count } intentos
}
outreach-escalated = Escalado
outreach-note = Nota (opcional)
outreach-log-attempt = Registrar intento
outreach-class-0 = Urgente
outreach-class-1 = Alta
outreach-class-2 = Pronto
outreach-class-3 = De rutina
outreach-kind-unsafe-checkin = dijo que no estaba a salvo
outreach-kind-linkage-needed = necesita ayuda para entrar a tratamiento
outreach-kind-linkage-stalled = la conexión con tratamiento se ha detenido
outreach-kind-checkup-overdue = seguimiento atrasado
outreach-kind-barc10-drop = bajó su capital de recuperación
outreach-kind-checkup-due = seguimiento pendiente
outreach-kind-not-engaged = sin contacto en 30 días
outreach-kind-no-checkin = sin registro propio reciente
outreach-kind-plan-review-overdue = revisión del plan atrasada
outreach-channel-phone = Llamada
outreach-channel-text = Mensaje de texto
outreach-channel-email = Correo electrónico
outreach-channel-visit = Visita
outreach-channel-ally = Por medio de un aliado (con consentimiento)
outreach-outcome-reached = Se logró el contacto
outreach-outcome-left-message = Se dejó un mensaje
outreach-outcome-no-answer = No contestó
outreach-outcome-wrong-number = Número o dirección equivocados
outreach-outcome-declined = Prefirió no hablar por ahora
flash-attempt-logged = Intento registrado.
flash-attempt-escalated = Intento registrado. Después de varios intentos sin contacto, su supervisor también puede ver este elemento.
flash-checkup-saved = Seguimiento guardado.
flash-checkup-linkage = Seguimiento guardado. Muestra una necesidad de tratamiento: hay una tarea de conexión abierta abajo.
checkups-title = Seguimientos
checkups-of = Seguimientos con { $name }
checkup-next = Próximo seguimiento
checkup-standing-upcoming = todavía no corresponde
checkup-standing-due = corresponde ahora: dentro de su plazo
checkup-standing-overdue = atrasado: su plazo ya cerró
checkup-schedule-ended = El calendario de seguimientos ha terminado.
checkup-window = Plazo: { $range }
checkup-record = Registrar un seguimiento
checkup-problems-hint = Marque lo que haya pasado en el último mes por el consumo de alcohol o drogas. Deje todo sin marcar si no hubo nada.
checkup-not-asked = No se preguntó
checkup-justice = Contacto con el sistema de justicia desde el último seguimiento
checkup-history = Seguimientos anteriores
checkup-none = Todavía no hay seguimientos.
checkup-done-on = Hecho
checkup-due-on = Correspondía
checkup-in-window = En plazo
checkup-needs-treatment = Necesita tratamiento
checkup-next-due = Próximo
checkup-reason-weekly-use = consumo semanal
checkup-reason-weekly-use-days = consumo semanal ({ $alcohol } días de consumo de alcohol y { $drugs } días de consumo de otras drogas en los últimos 90 días; 13 días o más cuentan como consumo semanal)
checkup-reason-past-month-problems = problemas en el último mes
checkup-reason-wants-treatment = quiere tratamiento
checkup-reason-already-in-treatment = ya está en tratamiento
checkup-problem-health = Salud física
checkup-problem-mental-health = Salud mental
checkup-problem-work-or-school = Trabajo o estudios
checkup-problem-family-or-friends = Familia o amistades
checkup-problem-money = Dinero
checkup-problem-legal = Problemas legales
checkup-problem-risky-situations = Consumo en situaciones de riesgo (manejar, …)
checkup-problem-withdrawal = Abstinencia
checkup-treatment-none = Ninguno
checkup-treatment-outpatient = Ambulatorio
checkup-treatment-residential = Residencial
checkup-treatment-medication = Medicamento para el consumo de sustancias
checkup-treatment-waiting = Esperando empezar
checkup-housing-stable = Estable
checkup-housing-at-risk = En riesgo de perderla
checkup-housing-temporary = Temporal (con amistades, albergue)
checkup-housing-homeless = Sin vivienda
checkup-work-working = Trabajando
checkup-work-school = Estudiando o en capacitación
checkup-work-looking = Buscando trabajo
checkup-work-neither = Ninguno
checkup-support-strong = Fuerte
checkup-support-some = Algo
checkup-support-none = Ninguno
linkage-title = Entrar a tratamiento
linkage-opened = Abierta { $when }. Marque cada paso cuando ocurra.
linkage-step-feedback = Se conversaron las respuestas del seguimiento
linkage-step-barriers = Se trabajaron las barreras
linkage-step-appointment = Se hizo la cita
linkage-step-transport = Se organizó el transporte o se acompañó
linkage-step-arrived = Llegó: empezó el tratamiento
checkup-figures-title = Cifras de seguimientos y contacto
checkup-figures-intro = Los últimos 12 meses. La referencia del protocolo de seguimiento es que el 94% se complete dentro de su plazo. Solo cifras: aquí no se nombra a nadie.
checkup-figures-caption = Seguimientos, conexión con tratamiento y participación
checkup-figures-whole-program = Todo el programa
checkup-figures-who = Programa o coach
checkup-figures-checkups = Seguimientos hechos
checkup-figures-in-window = Dentro de su plazo
checkup-figures-needs = Necesitaron tratamiento
checkup-figures-median-days = Mediana de días hasta el tratamiento
checkup-figures-within-14 = Conectados en 14 días
checkup-figures-not-engaged = Sin participación ahora
checkup-figures-re-engaged = Volvieron a participar
checkups-mine = Mis seguimientos
linkage-mine = Su coach le está ayudando a entrar a tratamiento. Cada paso aparece aquí cuando se hace.
linkage-not-yet = todavía no
flash-checkup-linkage-mine = Gracias. Sus respuestas muestran que el tratamiento podría ayudar ahora: su coach se comunicará para conversarlo con usted.

settings-title = Calendario de seguimientos y reglas de acercamiento
settings-intro = Cada cuánto vencen los seguimientos de este programa y cuándo alguien entra en la lista de acercamiento. Un cambio se aplica desde el próximo seguimiento de cada persona; las fechas ya fijadas no cambian.
settings-fixed = Fijo: cada pocos meses desde la inscripción (el calendario trimestral del protocolo de seguimiento)
settings-adaptive = Adaptable: mensual mientras se necesita tratamiento, un mes más después de cada seguimiento sin necesidad
settings-fixed-legend = Calendario fijo
settings-adaptive-legend = Calendario adaptable
settings-time-zone-hint = Una zona de la base de datos de zonas horarias, como America/New_York o America/Puerto_Rico. Las ventanas de seguimiento son días completos en esa zona.
settings-save = Guardar la configuración
settings-open = Calendario de seguimientos y reglas de acercamiento
flash-settings-saved = Configuración guardada. Se aplica desde el próximo seguimiento de cada persona.
field-schedule-kind = Calendario
field-every-months = Meses entre seguimientos
field-for-months = Durante cuántos meses desde la inscripción
field-cap-months = Intervalo más largo, en meses
field-window-days = Días a cada lado de la fecha en que un seguimiento cuenta como a tiempo
field-quiet-days = Días sin un registro propio antes del acercamiento
field-no-contact-days = Días sin contacto antes de que alguien cuente como no vinculado
field-linkage-stall-days = Días sin avance antes de que una tarea de vinculación cuente como detenida
field-escalate-after = Intentos sin localizar a alguien antes de avisar al supervisor

locator-title = Formas de contactar a { $name }
locator-title-mine = Formas de contactarme
locator-intro = Otras formas de contactar a esta persona y personas que saben dónde está, guardadas para el acercamiento como lo hace el protocolo de seguimiento. Agregue una solo cuando la persona lo haya aceptado; puede verlas y retirarlas en su portal.
locator-intro-mine = Si tu coach no logra comunicarse contigo, esto le ayuda a encontrarte: otro número, una dirección o alguien que suele saber dónde estás. Solo el programa de tu coach lo ve, solo para contactarte. Puedes retirar cualquiera aquí en cualquier momento.
locator-to-checkups = Seguimientos
locator-current = Datos actuales
locator-none = Aún no hay datos.
locator-add = Agregar una forma de contacto
locator-remove = Quitar
locator-consented-on = Aceptado el { $date }
locator-value-hint = El número, correo, dirección o usuario. Para una persona de contacto, cómo comunicarse con ella.
locator-field-name = Nombre de la persona de contacto (para una persona de contacto)
locator-consent = La persona aceptó que usemos esto para contactarla.
locator-consent-mine = Acepto que el programa de mi coach use esto para contactarme.
locator-kind-phone = Teléfono
locator-kind-email = Correo electrónico
locator-kind-address = Dirección
locator-kind-social = Redes sociales o mensajería
locator-kind-contact-person = Alguien que sabe dónde estoy
locator-open = Formas de contacto
flash-locator-added = Guardado.
flash-locator-removed = Quitado.
field-kind = Tipo
field-value = Cómo contactar
field-relationship = Relación
field-note = Nota
field-consent = Consentimiento

nav-my-privacy = Mi privacidad
nav-shared-with-me = Compartido conmigo
consent-title = Consentimientos de { $name }
consent-title-mine = Quién puede ver mi información
consent-title-short = Consentimientos
consent-intro = Los consentimientos escritos de la persona según 42 CFR Parte 2. Registre aquí un consentimiento firmado en papel; revóquelo cuando la persona lo pida por escrito. La revocación surte efecto desde la siguiente solicitud.
consent-intro-mine = Nada sobre tu recuperación llega a nadie fuera de tu programa sin tu consentimiento por escrito. Aquí ves cada consentimiento que diste, firmas uno nuevo y retiras cualquiera. Retirarlo funciona al instante.
consent-current = Consentimientos
consent-none = Aún no hay consentimientos.
consent-status-in-force = Vigente
consent-status-revoked = Revocado el { $date }
consent-status-ended = Terminó el { $date }
consent-status-expired = Vencido
consent-signed-electronic = Firmado en el portal el { $date }
consent-signed-paper = Firmado en papel el { $date }
consent-revoke = Retirar este consentimiento
consent-revoke-written = Revocar (solicitud escrita)
consent-new-mine = Dar un nuevo consentimiento
consent-new-paper = Registrar un consentimiento firmado en papel
consent-problems = Este consentimiento aún no se puede guardar. Le falta:
consent-recipient-ally = Alguien a quien invité (un aliado)
consent-which-ally = Qué aliado
consent-recipient-organization = Una organización
consent-recipient-person = Una persona
consent-recipient-name = Nombre de la organización o persona
consent-general-designation = Mis proveedores de tratamiento, planes de salud, terceros pagadores y las personas que ayudan a operar este programa
consent-information-hint = Solo se comparte lo que marques. Las notas de consejería necesitan un consentimiento propio, que no nombre nada más. A los aliados solo se les pueden dar los tres primeros tipos.
consent-not-for-allies = no para aliados
consent-tpo = Este consentimiento es para tratamiento, pago y operaciones de atención médica
consent-expiry-date = Termina en una fecha
consent-expires-on-label = Fecha de fin
consent-expiry-event = Termina cuando algo ocurre
consent-expiry-event-label = Qué evento
consent-expiry-event-example = fin del tratamiento
consent-expiry-none = Sin fecha de fin (solo consentimientos de tratamiento, pago y operaciones)
consent-statements = Lo que este consentimiento dice sobre tus derechos
consent-tpo-statements = Un consentimiento de tratamiento, pago y operaciones también dice:
consent-type-name = Escribe tu nombre completo para firmar
consent-confirm = He leído este consentimiento y lo firmo.
consent-paper-on-file = La persona firmó este consentimiento en papel; el formulario firmado está archivado.
consent-paper-signature = Formulario en papel firmado y archivado
consent-sign = Firmar este consentimiento
consent-record = Registrar este consentimiento
consent-purpose-default = Para apoyar mi recuperación
consent-expires-on = Hasta el { $date }
consent-expires-event = Hasta { $event }
consent-expires-never = Sin fecha de fin
consent-category-recovery-plan = Metas y avances (plan de recuperación)
consent-category-checkins-assessments = Fechas y puntajes de registros, y evaluaciones (nunca lo que escribí)
consent-category-attendance-engagement = Fechas de seguimiento y asistencia
consent-category-referral-information = Información de referido
consent-category-encounter-summaries = Resúmenes de contactos con el personal
consent-category-counseling-notes = Notas de consejería
consent-statement-right-to-revoke = Puedes revocar este consentimiento por escrito en cualquier momento.
consent-statement-how-to-revoke = Para revocarlo, usa "Retirar este consentimiento" en tu portal de Pathways, o entrega a { $program } una solicitud por escrito.
consent-statement-reliance = Revocarlo no deshace lo que ya se hizo confiando en este consentimiento.
consent-statement-hipaa-redisclosure = Un destinatario cubierto por HIPAA puede volver a divulgar tu información según lo permita HIPAA, y entonces podría dejar de estar protegida por 42 CFR Parte 2.
consent-statement-refusal-effect = Tu tratamiento, pago, inscripción y elegibilidad para beneficios no dependen de firmar este consentimiento.
flash-consent-saved = Consentimiento guardado.
flash-consent-revoked = Consentimiento revocado. Desde ahora ya no permite nada.
field-person-name = El nombre de la persona
field-disclosing-party = Quién puede divulgar
field-information = Qué información
field-recipient = Quién puede recibirla
field-purpose = Para qué
field-right-to-revoke = El derecho a revocar
field-how-to-revoke = Cómo revocar
field-reliance = Lo que revocar no deshace
field-expiration = Cuándo termina
field-signature = Firma
field-date-signed = Fecha de firma
field-hipaa-redisclosure = Nueva divulgación bajo HIPAA
field-refusal-effect = Qué pasa si te niegas a firmar
field-ally-name = Su nombre
field-error-missing-element = falta o está incompleto
disclosure-title = Divulgaciones de la información de { $name }
disclosure-title-mine = Quién recibió mi información
disclosure-title-short = Divulgaciones
disclosure-intro = Cada vez que la información llegó a un aliado u otra organización con un consentimiento, en los últimos tres años: cuándo, a quién, qué y para qué.
disclosure-count = { $count ->
    [one] Una divulgación
   *[other] { $count } divulgaciones
}
disclosure-when = Cuándo
disclosure-to = A quién
disclosure-what = Qué
disclosure-channel-ally-view = la vio en Pathways (aliado)
disclosure-channel-referral = referido
disclosure-channel-export = exportación
access-log-title = Quién consultó el expediente de { $name }
access-log-title-mine = Quién consultó mi expediente
access-log-title-short = Registro de accesos
access-log-intro = Cada vez que alguien abrió o cambió este expediente en los últimos tres años: quién, con qué función y organización, cuándo y qué.
access-log-count = { $count ->
    [one] Una entrada
   *[other] { $count } entradas
}
access-refused = rechazado
access-who-you = Tú
access-who-ally = Aliado
access-who-system = Pathways
ally-title-mine = Mis aliados
ally-intro-mine = Familiares y amistades pueden acompañar tu recuperación, viendo solo lo que tú eliges. Invita a alguien y luego da un consentimiento que lo nombre y diga qué puede ver. Puedes retirarlo en cualquier momento y se detiene al instante.
ally-mine = Mis aliados
ally-none = Aún no has invitado a nadie.
ally-sees = Ve: { $categories }
ally-sees-nothing = No ve nada por ahora
ally-choose = Elegir qué ve un aliado
ally-pending = Invitaciones sin usar
ally-pending-until = válida hasta { $date }
ally-invite = Invitar a alguien
ally-invite-hint = Recibirás un enlace y un código para dárselos tú. No verá nada hasta que firmes un consentimiento que lo nombre.
ally-invite-button = Crear una invitación
ally-invited-title = Invitación lista
ally-invited-lead = Dale a { $name } este enlace o código. Funciona una sola vez.
ally-invited-next = Cuando haya creado su cuenta, firma un consentimiento que lo nombre y diga qué puede ver.
ally-shared-title = Compartido contigo
ally-shared-heading = Lo que { $name } comparte contigo
ally-shared-intro = { $name } eligió compartir esto contigo. Es privado: por favor, guárdalo para ti.
ally-nothing = Por ahora no se comparte nada contigo. La persona a quien apoyas puede volver a compartir firmando un nuevo consentimiento.
ally-goals = Metas y avances
ally-no-goals = Aún no hay metas.
ally-step-done = hecho
ally-checkins = Registros
ally-none-yet = Aún no hay.
ally-date = Fecha
ally-mood = Ánimo
ally-meetings = Reuniones
ally-barc10 = Capital de recuperación (BARC-10)
ally-attendance = Seguimientos y asistencia
ally-next-checkup = Próximo seguimiento: { $date }
ally-meetings-month = { $count ->
    [one] Una reunión en los últimos 30 días
   *[other] { $count } reuniones en los últimos 30 días
}
ally-checkups-done = Seguimientos hechos
ally-summary-goals = { $count ->
    [one] una meta
   *[other] { $count } metas
}
ally-summary-checkins = { $count ->
    [one] un registro
   *[other] { $count } registros
}
ally-summary-checkups = { $count ->
    [one] un seguimiento
   *[other] { $count } seguimientos
}
ally-notice-title = Aviso: información protegida por la ley federal
ally-consent-summary = Compartido con estos consentimientos
ally-relied = { $categories }, para "{ $purpose }", { $expiry }; firmado el { $date }.
ally-revocable = { $name } puede retirar un consentimiento en cualquier momento; desde entonces no verás nada de lo que cubría.
part2-notice = Este expediente que se le ha divulgado está protegido por las normas federales de confidencialidad (42 CFR parte 2). Estas normas le prohíben usar o divulgar este expediente, o testimonio que describa la información que contiene, en cualquier procedimiento civil, penal, administrativo o legislativo de cualquier autoridad federal, estatal o local contra el paciente, salvo que lo autorice el consentimiento del paciente, excepto según lo dispuesto en 42 CFR 2.12(c)(5) o lo autorice un tribunal conforme a 42 CFR 2.64 o 2.65. Además, las normas federales le prohíben cualquier otro uso o divulgación de este expediente a menos que se cumpla al menos una de estas condiciones: el uso o la divulgación adicional está expresamente permitido por el consentimiento escrito de la persona cuya información se divulga en este expediente o de otro modo permitido por 42 CFR parte 2; usted es una entidad cubierta o un socio comercial y recibió el expediente para tratamiento, pago u operaciones de atención médica; o recibió el expediente de una entidad cubierta o un socio comercial según lo permitido por 45 CFR parte 164, subpartes A y E. Una autorización general para divulgar información médica o de otro tipo NO basta para cumplir los elementos requeridos de un consentimiento escrito para volver a usar o divulgar el expediente (vea 42 CFR 2.31).
ally-support-title = Apoyo para familias y amistades
ally-support-intro = Preocuparse por alguien en recuperación es un trabajo duro. Estos grupos son para ti, gratuitos y en todo el estado.
ally-support-find = Buscar { $name } cerca de ti
ally-support-al-anon = Al-Anon
ally-support-al-anon-about = Reuniones de ayuda mutua para cualquier persona afectada por la forma de beber de otra.
ally-support-nar-anon = Nar-Anon
ally-support-nar-anon-about = Reuniones de ayuda mutua para familiares y amistades de alguien que usa drogas.
ally-support-craft = Grupos CRAFT
ally-support-craft-about = Refuerzo Comunitario y Entrenamiento Familiar: formas prácticas y con evidencia de ayudar a un ser querido a entrar en tratamiento y de cuidarte.
ally-support-smart = SMART Recovery Familia y Amigos
ally-support-smart-about = Reuniones basadas en la ciencia que enseñan herramientas para apoyar a un ser querido, y otros grupos familiares.
access-what-sign-in = inició sesión
access-what-sign-in-failed = intentó iniciar sesión sin éxito
access-what-sign-in-throttled = fue detenido tras demasiados intentos de inicio de sesión
access-what-sign-out = cerró sesión
access-what-session-expired = cerró sesión por inactividad
access-what-api-token-rejected = intentó conectarse con una clave que no funciona
access-what-access-denied = intentó abrir tu expediente y se le negó
access-what-org-create = creó una organización
access-what-account-create = creó una cuenta
access-what-account-disable = desactivó una cuenta
access-what-token-create = creó una clave de conexión
access-what-directory-import = importó fichas del directorio
access-what-directory-change = cambió una ficha del directorio
access-what-person-list = vio tu nombre en una lista
access-what-person-read = abrió tu expediente
access-what-person-create = creó tu expediente
access-what-person-update = cambió tus datos
access-what-plan-read = consultó tu plan de recuperación
access-what-plan-update = cambió tu plan de recuperación
access-what-plan-restore = recuperó una versión anterior de tu plan de recuperación
access-what-assessment-create = registró una evaluación BARC-10
access-what-assessment-read = consultó tus evaluaciones
access-what-checkin-create = registró un registro de bienestar
access-what-checkin-read = consultó tus registros de bienestar
access-what-encounter-create = registró un contacto contigo
access-what-encounter-read = consultó los contactos contigo
access-what-attention-resolve = dio seguimiento a algo que requería atención
access-what-invite-create = creó una invitación a tu portal
access-what-invite-accept = abrió tu cuenta del portal
access-what-caseload-read = te vio en una lista de casos
access-what-capacity-update = actualizó camas disponibles
access-what-bed-hold-create = reservó una cama
access-what-bed-hold-close = cerró una reserva de cama
access-what-access-call-create = registró una llamada a la línea de acceso
access-what-access-call-read = consultó una llamada a la línea de acceso
access-what-access-call-update = actualizó una llamada a la línea de acceso
access-what-transport-change = organizó o cambió un traslado
access-what-checkup-create = registró un seguimiento
access-what-checkup-read = consultó tus seguimientos
access-what-schedule-read = consultó tu calendario de seguimientos
access-what-outreach-read = consultó la lista de acercamiento
access-what-outreach-attempt-create = intentó comunicarse contigo
access-what-linkage-update = dio un paso para ayudarte a entrar en tratamiento
access-what-program-settings-update = cambió la configuración de seguimientos del programa
access-what-locator-read = consultó tus formas de contacto
access-what-locator-update = cambió tus formas de contacto
access-what-consent-read = consultó tus consentimientos
access-what-consent-create = registró un consentimiento
access-what-consent-revoke = revocó un consentimiento
access-what-consent-scan-upload = subió el escaneo de un consentimiento firmado
access-what-disclosure-read = consultó quién recibió tu información
access-what-access-log-read = consultó este registro de accesos
access-what-ally-view = vio lo que compartes con esa persona
access-what-ally-invite-create = invitó a un aliado

nav-referrals = Referidos
referral-title = Referidos
referral-title-short = Referidos
referral-title-person = Referidos de { $name }
referral-intro = Referidos que su organización envió y recibió en los últimos 90 días. Un referido que lleva más de 48 horas sin respuesta se marca en ambos lados.
referral-heading = Referido a { $service }
referral-sent = Enviados
referral-received = Recibidos
referral-none = Aún no hay.
referral-new = Referir a un servicio
referral-search = Buscar en los servicios del directorio
referral-search-button = Buscar
referral-no-results = Ningún servicio coincide con esas palabras.
referral-send = Enviar el referido
referral-blocked = Ningún consentimiento vigente permite que la información de referido de esta persona llegue a esa organización. No se envió nada.
referral-record-consent = Registrar un consentimiento
referral-from = de { $org }
referral-to = a { $org }
referral-overdue = más de 48 horas esperando
referral-figures = El ciclo, últimos 90 días
referral-figure-count = Referidos
referral-figure-ack-30 = Confirmados en 30 minutos
referral-figure-ack-day = Confirmados en un día
referral-figure-completed = Completados
referral-figure-waiting = Más de 48 horas esperando
referral-printable = Esta organización no está en Pathways: imprima esta página y envíela como ellos reciben referidos. Nada más del expediente va con ella.
referral-packet = Paquete de referido
referral-packet-name = Nombre
referral-packet-service = Servicio
referral-packet-from = Referido por
referral-packet-consent = Consentimiento
referral-answer = Responder a este referido
referral-sender-moves = Cambiar este referido
referral-history = Historial
referral-status-requested = Enviado, sin confirmar
referral-status-received = Confirmado
referral-status-accepted = Aceptado
referral-status-rejected = Rechazado
referral-status-in-progress = En curso
referral-status-completed = Completado
referral-status-cancelled = Cancelado
referral-status-failed = No se realizó
referral-move-requested = Enviar de nuevo
referral-move-received = Confirmar recibo
referral-move-accepted = Aceptar
referral-move-rejected = Rechazar
referral-move-in-progress = Iniciar
referral-move-completed = Marcar como completado
referral-move-cancelled = Cancelar el referido
referral-move-failed = No se realizó
flash-referral-sent = Referido enviado.
field-service = Servicio
field-error-consent-required = ningún consentimiento vigente lo permite
field-error-own-organization = este servicio pertenece a su propia organización
field-error-not-allowed = este cambio no es posible ahora
access-what-referral-create = te refirió a un servicio
access-what-referral-read = consultó un referido sobre ti
access-what-referral-update = actualizó un referido sobre ti
access-what-record-download = descargó o imprimió tu expediente
access-what-fhir-export = envió tu expediente a otro proveedor (exportación FHIR)
access-what-fhir-read = leyó tu expediente por la interfaz FHIR
record-title-mine = Mi expediente
record-intro = Todo lo que Pathways guarda sobre ti, en una página. Puedes imprimirlo o guardarlo, y llevártelo.
record-download-fhir = Descargar mi expediente (archivo FHIR para proveedores de salud)
record-print-hint = Para imprimir esta página o guardarla como PDF, usa el comando Imprimir de tu navegador.
record-none = Nada todavía.
record-about = Sobre ti
record-kept-by = Lo guarda { $org }
record-plan = Mi plan de recuperación
record-target = fecha meta { $date }
record-barc10 = Mi capital de recuperación (BARC-10)
record-checkins = Mis registros
record-checkin-line = { $date }: ánimo { $mood } de 5, deseo de consumir { $craving } de 5, { $meetings } reuniones
record-encounters = Mis reuniones con el personal
record-encounter-line = { $date }: { $kind }, { $minutes } minutos
record-referrals = Mis referidos
record-consents = Mis consentimientos
record-consent-over = ya no está vigente
record-disclosures = Quién recibió mi información
portal-my-record = Mi expediente (imprimir o descargar)
consent-event-happened = El evento de fin ya ocurrió
flash-consent-ended = Consentimiento terminado. Desde ahora ya no permite nada.
referral-ask-coach = Pida al coach de la persona que registre su consentimiento y vuelva a referir.
referral-back-to-call = Volver a la llamada
consent-scan-view = el formulario firmado (escaneado)
consent-scan-history = Todos los escaneos de este formulario
consent-scan-current = Actual
consent-scan-replaced = Reemplazado el { $date }
consent-scan-uploaded = Subido el { $date } por { $name }
consent-scan-attach = Adjuntar el formulario firmado (PDF, PNG o JPEG, hasta 900 KB)
consent-scan-replace = Reemplazar el escaneo del formulario firmado (PDF, PNG o JPEG, hasta 900 KB)
consent-scan-upload = Subir el escaneo
flash-scan-saved = El escaneo del formulario firmado se guarda con el consentimiento.
field-file = El escaneo del formulario firmado
field-error-not-a-scan = no es un archivo PDF, PNG o JPEG

## The public explanation of recovery (/recovery)
what-is-recovery-title = ¿Qué es la recuperación?
recovery-definitions-title = Qué significa la recuperación
recovery-dmhas-definition = La recuperación es lo que las personas viven cuando adquieren la capacidad de lograr una vida con sentido y un sentido positivo de pertenencia en su comunidad. Es un proceso no lineal de desarrollo y crecimiento.
recovery-dmhas-source = Departamento de Salud Mental y Servicios de Adicción de Connecticut (DMHAS), “What is Recovery?” (DMHAS, 2002). Traducción nuestra.
recovery-samhsa-definition = Un proceso de cambio mediante el cual las personas mejoran su salud y bienestar, llevan una vida autodirigida y se esfuerzan por alcanzar su máximo potencial.
recovery-samhsa-source = Definición de trabajo de la recuperación de SAMHSA (Administración de Servicios de Salud Mental y Abuso de Sustancias, 2012). Traducción nuestra.
recovery-principles-title = Principios rectores
recovery-principle-hope = La recuperación surge de la esperanza.
recovery-principle-hope-detail = La convicción de que la recuperación es real y de que un futuro mejor es posible.
recovery-principle-person-driven = La recuperación la dirige la persona.
recovery-principle-person-driven-detail = Cada persona fija sus propias metas y elige su propio camino.
recovery-principle-pathways = La recuperación se da por muchos caminos.
recovery-principle-pathways-detail = El camino de cada persona es distinto y no hay uno solo correcto.
recovery-principle-holistic = La recuperación es integral.
recovery-principle-holistic-detail = Abarca toda la vida de la persona: mente, cuerpo, espíritu y comunidad.
recovery-principle-peers = La recuperación cuenta con el apoyo de pares y aliados.
recovery-principle-peers-detail = Las personas con experiencia vivida, y la familia y los amigos, ofrecen ayuda y comprensión.
recovery-principle-relationships = La recuperación se apoya en las relaciones y las redes sociales.
recovery-principle-relationships-detail = Las personas que creen en la capacidad de recuperarse de alguien marcan la diferencia.
recovery-principle-culture = La recuperación está basada en la cultura y recibe su influencia.
recovery-principle-culture-detail = La cultura y los orígenes de cada persona dan forma a su camino.
recovery-principle-trauma = La recuperación se apoya en la atención al trauma.
recovery-principle-trauma-detail = Los servicios deben ser seguros y de confianza, y ayudar a sanar del trauma.
recovery-principle-strengths = La recuperación implica las fortalezas y la responsabilidad de la persona, la familia y la comunidad.
recovery-principle-strengths-detail = Cada uno tiene fortalezas y recursos que son la base de la recuperación.
recovery-principle-respect = La recuperación se basa en el respeto.
recovery-principle-respect-detail = Aceptación y aprecio de las personas en recuperación, sin estigma ni discriminación.
recovery-dimensions-title = Cuatro dimensiones de una vida en recuperación
recovery-dimensions-lead = SAMHSA nombra cuatro dimensiones principales que sostienen una vida en recuperación:
recovery-dimension-health = Salud
recovery-dimension-health-detail = Superar o manejar la enfermedad o los síntomas, y tomar decisiones informadas y saludables que apoyen el bienestar físico y emocional.
recovery-dimension-home = Hogar
recovery-dimension-home-detail = Un lugar estable y seguro donde vivir.
recovery-dimension-purpose = Propósito
recovery-dimension-purpose-detail = Actividades diarias con sentido, como un trabajo, la escuela, el voluntariado, el cuidado de la familia o el trabajo creativo, y la independencia, los ingresos y los recursos para participar en la sociedad.
recovery-dimension-community = Comunidad
recovery-dimension-community-detail = Relaciones y redes sociales que brindan apoyo, amistad, amor y esperanza.
recovery-pathway-clinical-detail = Tratamiento de profesionales de la salud: manejo de la abstinencia (desintoxicación), tratamiento ambulatorio y residencial, medicamentos, atención de salud mental.
recovery-pathway-peer-detail = Ayuda sin tratamiento formal, de personas con experiencia vivida: coaches de recuperación entre pares, reuniones de ayuda mutua, centros comunitarios de recuperación.
recovery-pathway-self-detail = La recuperación a la manera de cada uno, sin servicios formales (a veces llamada recuperación natural), con las herramientas, las personas y los lugares que ayudan.
recovery-find-help = Buscar ayuda: { $name }
recovery-access-line = Una línea disponible las 24 horas, los 7 días, a la que cualquier persona puede llamar para recibir ayuda con la conexión a tratamiento por consumo de sustancias, incluido el manejo residencial de la abstinencia (desintoxicación). Da prioridad al transporte a la desintoxicación y también podría organizar el transporte a tratamiento residencial.
recovery-access-line-source = Según la descripción de su Access Line por el Departamento de Salud Mental y Servicios de Adicción.
recovery-families-title = Para familiares y amigos
recovery-families-lead = La recuperación cuenta con el apoyo de pares y aliados. Los familiares y amigos también necesitan apoyo.
recovery-families-link = Apoyo para familiares y amigos
home-what-is-recovery = ¿Qué es la recuperación?
footer-what-is-recovery = ¿Qué es la recuperación?
footer-family-support = Apoyo para familiares y amigos
table-scroll = Tabla (se desplaza hacia los lados en una pantalla estrecha)
home-line-follow-ups = { $count ->
    [one] 1 llamada tiene pendiente su seguimiento.
   *[other] { $count } llamadas tienen pendiente su seguimiento.
}
home-line-rides = { $count ->
    [0] No hay ningún traslado esperando.
    [one] 1 traslado está esperando.
   *[other] { $count } traslados están esperando.
}
home-line-console = Atender una llamada: la consola
home-programs-stale = { $count ->
    [0] Las cifras de todos los programas están al día.
    [one] Hay que actualizar las cifras de 1 programa.
   *[other] Hay que actualizar las cifras de { $count } programas.
}
home-programs-held = { $count ->
    [0] No hay ninguna cama reservada para una persona que llamó.
    [one] 1 cama está reservada para una persona que llamó.
   *[other] { $count } camas están reservadas para personas que llamaron.
}
home-programs-update = Actualizar las cifras de sus programas
home-referrals-detail = Las derivaciones que recibió su organización y las que envió: confirmar, aceptar o rechazar.
home-referrals-open = Abrir la bandeja de derivaciones
home-team-title = Su equipo
home-team-detail = La cola de contacto muestra quién está atrasado y lo que se le escaló; las cifras muestran los chequeos y la conexión con tratamiento del programa.
home-line-holds-expiring = { $count ->
    [0] Ninguna cama reservada para una persona que llamó vence en la próxima hora.
    [one] 1 cama reservada para una persona que llamó vence en la próxima hora.
   *[other] { $count } camas reservadas para personas que llamaron vencen en la próxima hora.
}
home-line-hold-expiring = Cama en { $program }, reservada hasta las { $time }: confirme el ingreso o avise a la persona que llamó
home-team-urgent = { $count ->
    [0] No hay ningún asunto urgente abierto en la cola de su equipo.
    [one] 1 asunto urgente está abierto en la cola de su equipo: alguien dijo en un chequeo que no estaba a salvo.
   *[other] { $count } asuntos urgentes están abiertos en la cola de su equipo: personas que dijeron en un chequeo que no estaban a salvo.
}
home-team-escalated = { $count ->
    [0] No se le ha escalado nada.
    [one] 1 asunto se le escaló después de intentos fallidos de contactar a la persona.
   *[other] { $count } asuntos se le escalaron después de intentos fallidos de contactar a la persona.
}
home-team-escalations = Abrir los asuntos escalados
home-figures-title = Cifras
home-directory-detail = Mantener al día el directorio comunitario: los servicios, su verificación y las correcciones que sugiere el público.
home-directory-corrections = Correcciones por revisar
home-see-figures = Ver las cifras del programa
home-see-line-figures = Ver las cifras de la línea de acceso
home-team-queue = Abrir la cola de contacto
home-directory-open = Abrir los servicios del directorio

## API tokens (/account/tokens)
nav-api-tokens = Tokens de API
tokens-title = Tokens de API
tokens-intro = Un token de API permite que otro programa (un informe, un expediente clínico electrónico) use la API de Pathways en su nombre. Dé a cada programa su propio token, solo con el acceso que necesita, y revoque un token en cuanto deje de usarse.
tokens-new-heading = Su nuevo token
tokens-new-once = Cópielo ahora: es la única vez que se muestra. Pathways solo guarda una huella del token y no puede mostrarlo de nuevo.
tokens-new-label = Nuevo token de API
tokens-yours = Sus tokens
tokens-none = No tiene tokens de API.
tokens-col-label = Nombre
tokens-col-scope = Acceso
tokens-col-created = Creado
tokens-col-expires = Vence
tokens-col-last-used = Último uso
tokens-col-state = Estado
tokens-col-action = Acción
tokens-state-active = Activo
tokens-state-expired = Vencido
tokens-state-revoked = Revocado
tokens-scope-read = Lectura
tokens-scope-write = Lectura y escritura
tokens-never-used = Nunca
tokens-revoke = Revocar { $label }
tokens-make = Crear un token
tokens-field-label = Nombre
tokens-field-label-hint = Para qué es el token, p. ej. "Informe mensual". Hasta 80 caracteres.
tokens-label-error = Dé al token un nombre de 1 a 80 caracteres.
tokens-field-scope = Acceso
tokens-scope-read-long = Solo lectura: puede ver los registros pero nunca cambiarlos
tokens-scope-write-long = Lectura y escritura: también puede agregar y cambiar registros
tokens-lifetime = Un token nuevo funciona durante { $days } días y luego deja de funcionar; cree uno nuevo antes.
tokens-make-button = Crear el token
flash-token-revoked = El token fue revocado: ya no funciona.
## Cuentas: contraseñas, enlaces para restablecer, la lista del administrador (issue 22)
nav-account-password = Cambiar contraseña
account-back-home = Volver a su página de inicio
account-password-title = Cambie su contraseña
account-password-lead = Escriba la contraseña que usa ahora y luego elija una nueva.
account-current-password = Contraseña que usa ahora
account-new-password = Contraseña nueva
account-password-submit = Cambiar mi contraseña
account-password-others = Al cambiarla se cierra su sesión en cualquier otro teléfono o computadora. Aquí sigue con la sesión abierta.
account-current-wrong = Esa no es la contraseña que usa ahora. Revísela y vuelva a intentarlo.
flash-password-changed = Su contraseña cambió. Se cerró su sesión en todos los demás lugares.
flash-password-set = Su contraseña nueva quedó guardada. Inicie sesión con ella.
reset-create = Crear un enlace para restablecer la contraseña
reset-create-hint = Si olvidó su contraseña: entréguele el enlace o el código usted mismo, en persona o por teléfono.
reset-issued-title = Enlace para restablecer la contraseña
reset-issued-lead = Entregue a { $name } este enlace o código. Con él elige una contraseña nueva. Se cierran todas sus sesiones abiertas.
reset-code = Código para restablecer
reset-code-where = para escribir en /reset
reset-once = Funciona una sola vez, durante 24 horas. Solo se muestra ahora. Si crea uno nuevo, este deja de funcionar.
reset-mailed = También se envió al correo electrónico de la cuenta.
reset-mail-failed = No se pudo enviar por correo electrónico. Entréguelo en persona o por teléfono.
reset-no-account = { $name } todavía no tiene cuenta del portal. Invítele a su portal.
reset-back = Volver
reset-title = Elija una contraseña nueva
reset-lead = Su coach o administrador le dio un enlace o un código. Elija una contraseña nueva para su cuenta.
reset-submit = Guardar mi contraseña nueva
reset-invalid-title = Este enlace para restablecer no se puede usar
reset-invalid = Este enlace o código no es válido: puede que ya se haya usado o que tenga más de 24 horas. Pida uno nuevo a su coach o administrador.
accounts-title = Cuentas
accounts-lead = Todas las personas que inician sesión en el Pathways de su organización: el personal, las personas en su propio portal y sus aliados. Al desactivar una cuenta, su sesión se cierra en el acto.
accounts-name = Nombre
accounts-kind = Tipo de cuenta
accounts-login = Inicia sesión con
accounts-status = Estado
accounts-actions = Acciones
accounts-active = Activa
accounts-disabled = Desactivada
accounts-kind-staff = Personal: { $role }
accounts-kind-person = Su propio portal
accounts-kind-ally = Aliado (familiar o amistad)
accounts-ally-off = Solo la persona puede volver a invitarle.
accounts-enable = Activar a { $name }
accounts-disable = Desactivar a { $name }
accounts-reset = Enlace para restablecer de { $name }
flash-account-disabled = La cuenta está desactivada. Se cerraron todas sus sesiones.
flash-account-enabled = La cuenta está activa de nuevo.
home-accounts-detail = Desactive o active cuentas y cree enlaces para restablecer contraseñas.
home-accounts-open = Administrar cuentas
ally-remove = Quitar a { $name }
ally-remove-hint = Al quitar a un aliado, su cuenta se cierra en el acto. No verá nada más, aunque siga archivado un consentimiento.
flash-ally-removed = Su aliado fue quitado. Su cuenta está cerrada.
invite-username-unavailable = Ese nombre de usuario no se puede usar. Elija otro: de 3 a 40 letras minúsculas, números, puntos, guiones o guiones bajos.
invite-used-up = Esta invitación se intentó demasiadas veces y ya no funciona. Pida una nueva.
invite-already-reset = Si olvidó su contraseña, cree mejor un enlace para restablecerla.
access-what-password-change = cambió la contraseña de la cuenta
access-what-password-reset-issue = creó un enlace para restablecer la contraseña de su portal
access-what-password-reset-use = eligió una contraseña nueva con un enlace para restablecer
access-what-account-enable = volvió a activar una cuenta
access-what-ally-remove = quitó a un aliado
access-what-account-list = miró la lista de cuentas
email-reset-subject = Su enlace para restablecer la contraseña de Pathways
email-reset-body = Se creó un enlace para elegir una contraseña nueva de Pathways para su cuenta.

    Ábralo para elegir una contraseña nueva:
    { $link }

    O vaya a { $codepage } y escriba este código: { $code }

    Funciona una sola vez, hasta { $expires }. Si usted no lo pidió, avise a su administrador.
## Sign-in throttling and two-factor sign-in (issue 22)
login-slowed = Varios intentos de inicio de sesión con este correo o nombre de usuario (o desde esta red) no funcionaron; para proteger las cuentas, esperamos un poco antes de revisar otro. Nada queda bloqueado: la contraseña correcta funcionará después de la espera.
two-factor-wait-minutes = { $count ->
    [one] Vuelva a intentarlo en 1 minuto.
   *[other] Vuelva a intentarlo en { $count } minutos.
}
two-factor-wait-seconds = { $count ->
    [one] Vuelva a intentarlo en 1 segundo.
   *[other] Vuelva a intentarlo en { $count } segundos.
}
flash-sign-in-again = Ese inicio de sesión tardó demasiado o ya había terminado. Inicie sesión de nuevo.
flash-two-factor-on = El inicio de sesión en dos pasos está activado.
flash-two-factor-off = El inicio de sesión en dos pasos está desactivado.
flash-two-factor-reset = Listo. Esa cuenta volverá a configurar su aplicación de autenticación la próxima vez que inicie sesión.
nav-two-factor = Inicio de sesión en dos pasos
two-factor-step-title = Escriba su código de inicio de sesión
two-factor-step-lead = Su contraseña es correcta. Ahora escriba el código de 6 dígitos que muestra su aplicación de autenticación para Pathways.
two-factor-field-code = Código de su aplicación, o un código de recuperación
two-factor-field-code-hint = 6 dígitos, o un código de recuperación como abcd-efgh-jkmn-pqrs. Cada código de recuperación funciona una sola vez.
two-factor-step-submit = Continuar
two-factor-step-lost = ¿Perdió su teléfono y sus códigos de recuperación? La persona que administra Pathways en su organización puede restablecer su inicio de sesión en dos pasos.
two-factor-step-again = Empezar de nuevo
two-factor-code-wrong = Ese código no funcionó. Revise el código actual en su aplicación e inténtelo de nuevo.
two-factor-code-reused = Ese código ya se usó. Espere a que su aplicación muestre un código nuevo y escríbalo.
two-factor-enroll-title = Configurar el inicio de sesión en dos pasos
two-factor-enroll-required = Su función le da acceso a expedientes de salud de las personas, así que su cuenta necesita un segundo paso al iniciar sesión. Configúrelo ahora para continuar.
two-factor-enroll-why = Con el inicio de sesión en dos pasos, una contraseña robada no basta para abrir su cuenta: también se necesita un código de una aplicación en su teléfono.
two-factor-enroll-step-app = Abra una aplicación de autenticación en su teléfono (por ejemplo FreeOTP, Google Authenticator, Microsoft Authenticator o 1Password).
two-factor-enroll-step-scan = Agregue una cuenta en la aplicación escaneando este código QR.
two-factor-qr-alt = Código QR para su aplicación de autenticación. Si no puede escanearlo, escriba la clave de configuración que aparece abajo.
two-factor-enroll-step-type = O escriba esta clave de configuración en la aplicación:
two-factor-secret-label = Clave de configuración
two-factor-enroll-kind = La clave es por tiempo (TOTP), de 6 dígitos, cada 30 segundos. Los espacios no importan.
two-factor-enroll-step-code = Escriba el código de 6 dígitos que muestra ahora la aplicación.
two-factor-field-app-code = Código de 6 dígitos de su aplicación
two-factor-enroll-submit = Activar el inicio de sesión en dos pasos
two-factor-codes-title = Sus códigos de recuperación
two-factor-codes-lead = El inicio de sesión en dos pasos está activado. Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez en lugar del código de la aplicación. Guárdelos ahora en un lugar seguro (imprímalos o guárdelos en un administrador de contraseñas).
two-factor-codes-once = Esta es la única vez que se muestran estos códigos.
two-factor-codes-continue = Ya guardé mis códigos. Continuar
two-factor-codes-left = { $count ->
    [one] Le queda 1 código de recuperación.
   *[other] Le quedan { $count } códigos de recuperación.
}
two-factor-account-title = Inicio de sesión en dos pasos
two-factor-account-on = El inicio de sesión en dos pasos está activado en su cuenta.
two-factor-account-required = Su función requiere el inicio de sesión en dos pasos, así que permanece activado. Si pierde su teléfono, pida a la persona que administra Pathways en su organización que lo restablezca.
two-factor-off-title = Desactivar el inicio de sesión en dos pasos
two-factor-off-submit = Desactivar
two-factor-account-off = El inicio de sesión en dos pasos está desactivado en su cuenta. Puede activarlo: necesitará una aplicación de autenticación en su teléfono.
two-factor-start = Configurar el inicio de sesión en dos pasos
two-factor-admin-title = Restablecer el inicio de sesión en dos pasos
two-factor-admin-link = Restablecer el inicio de sesión en dos pasos de alguien de su organización
two-factor-admin-lead = Cuando alguien pierde su teléfono y sus códigos de recuperación, quite aquí su autenticador. Configurará uno nuevo la próxima vez que inicie sesión. Confirme quién lo pide antes de restablecerlo.
two-factor-admin-none = Nadie en su organización usa todavía el inicio de sesión en dos pasos.
two-factor-admin-caption = Cuentas con inicio de sesión en dos pasos
two-factor-admin-name = Nombre
two-factor-admin-login = Correo o nombre de usuario
two-factor-admin-action = Acción
two-factor-admin-reset = Restablecer
two-factor-admin-reset-label = Restablecer el inicio de sesión en dos pasos de { $name }
access-what-two-factor-enroll = activó el inicio de sesión en dos pasos
access-what-two-factor-failed = escribió un código de inicio de sesión que no funcionó
access-what-two-factor-throttled = tuvo que esperar después de varios códigos de inicio de sesión que no funcionaron
access-what-two-factor-reset = restableció el inicio de sesión en dos pasos de una cuenta
access-what-two-factor-disable = desactivó el inicio de sesión en dos pasos

## Outcome reports (issue 17)
report-fewer-than-11 = menos de 11
report-hidden = no se muestra
report-quarter = Trimestre { $n }
report-people-served-title = Personas atendidas
report-people-served-year = Año fiscal { $year }, cada persona contada una vez en cada período.
report-people-served-explain = Cuántas personas distintas recibieron al menos un servicio de su organización (una reunión con el personal, un registro de cómo se sienten o un seguimiento) en cada trimestre del año fiscal del estado. Una persona atendida en dos trimestres se cuenta en los dos, pero solo una vez en todo el año.
report-fiscal-year = Año fiscal (el año en que termina)
report-show = Mostrar
report-previous-year = Año anterior
report-next-year = Año siguiente
report-people-served-chart = Personas atendidas en cada trimestre
report-chart-desc = Una barra por trimestre muestra cuántas personas distintas fueron atendidas. Los trimestres con menos de 11 personas no tienen barra. La tabla de abajo tiene las mismas cifras.
report-chart-caption = La tabla debajo del gráfico tiene las mismas cifras.
report-people-served-caption = Personas atendidas, nuevas y que continúan, por trimestre y en todo el año
report-period = Período
report-dates = Fechas
report-new = Nuevas
report-continuing = Que continúan
report-total = Total de personas
report-whole-year = Todo el año
report-reading-title = Cómo leer estas cifras
report-new-explain = Nuevas: la persona empezó un nuevo episodio de atención en el período — su primer servicio, o el primero después de que se cerró su último episodio.
report-continuing-explain = Que continúan: el episodio de atención de la persona había empezado antes del período y recibió un servicio durante él.
report-whole-year-explain = Todo el año: cada persona se cuenta una vez, en cuantos trimestres haya sido atendida, así que es menos que la suma de los trimestres.
report-suppression-explain = Para proteger la privacidad, una cifra de 1 a 10 personas se muestra como "menos de 11" y, cuando se podría calcular a partir de los totales, otra cifra tampoco se muestra.
report-download-csv = Descargar esta tabla (CSV)
home-reports-title = Informes de resultados
home-reports-detail = Cifras de su organización, con los números pequeños ocultos para proteger la privacidad.

## Vivienda de recuperación (issue 19)
nav-housing = Vivienda de recuperación
nav-residences = Nuestras residencias
housing-title = Vivienda de recuperación con camas
housing-lead = Residencias de recuperación (vivienda sobria) certificadas por la Connecticut Alliance of Recovery Residences u otro certificador que el estado reconoce, con las camas que sus operadores informan cada semana. Una residencia de recuperación es un hogar libre de sustancias con apoyo entre pares; no es tratamiento.
housing-levels-not-ranks = Los cuatro niveles de NARR describen el tipo de apoyo que da una residencia. No son una clasificación: ningún nivel es mejor que otro, y el adecuado depende de lo que usted necesita.
housing-call = Llame a la línea de acceso para encontrar una cama
field-town = Pueblo o ciudad
field-within = A menos de (millas)
field-narr-level = Nivel de apoyo de NARR
field-max-cost = Máximo por semana (dólares)
field-moud = Acepta personas con medicamentos para el trastorno por consumo de opioides (MOUD)
field-beds = Solo residencias con una cama ahora
field-available-beds = Camas libres
field-total-beds = Camas en total
field-naloxone-doses = Dosis de naloxona en el lugar
field-cost-per-week = Costo por semana
field-error-more-than-total = Las camas libres no pueden ser más que las camas de la residencia.
housing-population-any = Cualquier persona
housing-level-any = Todos los niveles
housing-apply = Mostrar residencias
housing-results = { $count ->
    [one] 1 residencia
   *[other] { $count } residencias
}
housing-none = Ninguna residencia coincide. La línea de acceso aún puede ayudar: llame.
housing-stale = Este informe tiene más de una semana
housing-level-line = Nivel { $level }
housing-serves = Atiende a
housing-house-rules = Reglas de la casa
housing-level-peer-run = I · Dirigida por pares
housing-level-monitored = II · Supervisada por residentes
housing-level-supervised = III · Con personal
housing-level-service-provider = IV · Proveedor de servicios
housing-level-peer-run-detail = la dirigen los residentes juntos, sin personal pagado en la casa.
housing-level-monitored-detail = un encargado o residente con experiencia, reglas de la casa y responsabilidad entre pares.
housing-level-supervised-detail = personal capacitado, una rutina diaria y apoyo en habilidades para la vida.
housing-level-service-provider-detail = servicios clínicos en la casa con personal acreditado, a menudo un paso después del tratamiento.
housing-population-men = Hombres
housing-population-women = Mujeres
housing-population-women-with-children = Mujeres con hijos
housing-population-lgbtq = Personas LGBTQ+
housing-population-young-adults = Adultos jóvenes
housing-moud-yes = Acepta residentes que toman medicamentos para el trastorno por consumo de opioides
housing-moud-no = No indica que acepte medicamentos para el trastorno por consumo de opioides: pregunte
housing-cost-week = ${ $dollars } por semana
housing-cost-ask = Pregunte por el costo
housing-payment-self-pay = pago propio
housing-payment-voucher = vales
housing-certified = Certificada por { $body } (n.º { $number }) hasta el { $date }
housing-certified-expired = El certificado de { $body } (n.º { $number }) venció el { $date }
housing-not-certified = No hay certificado registrado
housing-reported-on = Camas informadas el { $date }
housing-never-reported = Aún no se han informado camas
housing-beds-open = { $count ->
    [one] 1 cama libre
   *[other] { $count } camas libres
}
housing-beds-none = No hay camas libres ahora
housing-no-region = Sin región
housing-all-regions = Todas las regiones
housing-figures-title = Cifras de vivienda de recuperación
housing-figures-lead = Todas las residencias de recuperación del registro, por región: certificación, informes semanales, la declaración de naloxona y camas. Solo residencias y camas: no se nombra ni se cuenta a ninguna persona.
housing-figures-caption = Residencias por región
housing-figures-residences = Residencias
housing-figures-current = Certificadas
housing-figures-expiring = Vencen en 30 días
housing-figures-expired = Vencidas
housing-figures-uncertified = Sin certificado
housing-figures-fresh = Informaron en los últimos 7 días
housing-figures-oud = Declaran un residente con trastorno por consumo de opioides
housing-figures-flagged = Alerta de naloxona
housing-figures-beds = Camas libres / en total
housing-figures-weeks = Camas libres informadas, semana por semana
housing-figures-weeks-caption = Vacantes por semana (el último informe de cada residencia en la semana)
housing-figures-week-of = Semana del
housing-figures-reporting = Residencias que informaron
housing-figures-available = Camas libres
housing-figures-fresh-explain = Informaron en los últimos 7 días: la ley estatal pide a los operadores informar sus camas libres cada semana.
housing-figures-flagged-explain = Alerta de naloxona: una residencia con un residente diagnosticado con trastorno por consumo de opioides mantiene al menos dos dosis de naloxona en el lugar y capacita a sus residentes; se marca cuando informa menos dosis o ninguna fecha de capacitación.
housing-figures-no-persons = Estas cifras cuentan residencias y camas, nunca personas.
residences-title = Nuestras residencias
residences-lead = Informe sus camas libres al menos una vez por semana: un toque cuando el número sigue siendo correcto. Las residencias con un certificado vigente aparecen en el tablero público de vivienda de recuperación.
residences-none = Su organización no tiene residencias de recuperación en el registro.
residences-report-never = Aún no se han informado camas: informe ahora.
residences-report-due = Le toca su informe semanal de camas.
residences-report-stale = Su último informe de camas tiene más de una semana: el tablero lo muestra como desactualizado.
residences-hidden-expired = Oculta del tablero público: el certificado venció el { $date }. Renuévelo con su certificador.
residences-hidden-uncertified = Oculta del tablero público: no hay certificado registrado.
residences-expiring = El certificado vence el { $date }: renuévelo pronto para seguir en el tablero.
residences-flag-too-few-doses = Menos de dos dosis de naloxona en el lugar. Una residencia con un residente diagnosticado con trastorno por consumo de opioides mantiene al menos dos.
residences-flag-no-training = No hay fecha registrada de la capacitación de los residentes para dar naloxona.
residences-held = Reservadas para referidos
residences-not-on-board = no está en el tablero público
residences-down = Una cama libre menos en { $name }
residences-up = Una cama libre más en { $name }
residences-confirm = Sigue siendo correcto: informar este número
residences-holds = Camas reservadas para personas referidas
residences-admit = Se mudó
residences-reported = Informe de camas guardado.
home-residences-due = { $count ->
    [0] No le toca ningún informe de camas
    [one] Le toca 1 informe de camas
   *[other] Le tocan { $count } informes de camas
}
home-residences-flags = { $count ->
    [0] Nada marcado
    [one] 1 residencia necesita atención
   *[other] { $count } residencias necesitan atención
}
home-residences-open = Informar camas
home-housing-figures = Cifras de vivienda de recuperación
line-after-detox = Después de la desintoxicación: vivienda de recuperación
line-after-detox-detail = Una persona que sale del manejo de la abstinencia puede querer una residencia de recuperación después. Estas residencias certificadas informaron una cama, las más cercanas primero; un coach o el clínico que da el alta puede enviar un referido.
line-after-detox-board = Ver todas las residencias de recuperación con cama
field-hold-bed = Residencia de recuperación: reservar una cama por 24 horas
field-error-not-a-residence = Este servicio no es una residencia de recuperación del registro, así que no se puede reservar una cama.
field-error-no-bed-left = No queda ninguna cama para reservar en esta residencia. Envíe el referido sin reserva o elija otra residencia.

## Issue 17: la vista del estado (la red de una agencia estatal)
field-org = Organización
network-title = Red del estado
network-explain-state = Las organizaciones de la red de su agencia comparten sus cifras con usted: cuántas personas atendieron, nunca el expediente de una persona. Una organización entra cuando su administrador y el suyo lo confirman; cualquiera de los dos puede salir en cualquier momento.
network-explain-member = Una agencia estatal puede ver las cifras de su organización — cuántas personas atendieron, nunca el expediente de una persona — solo mientras usted y la agencia lo confirmen. Cualquiera de los dos puede salir en cualquier momento.
network-aggregates-only = Nunca se muestran cifras de menos de 11 personas.
network-none = Todavía no hay membresías ni solicitudes.
network-caption = Membresías y solicitudes
network-organization = Organización
network-status = Estado
network-actions = Acciones
network-status-member = En la red (ambos confirmaron)
network-status-asked-you = Le pidió que confirme
network-status-awaiting = Esperando que la otra parte confirme
network-confirm-button = Confirmar { $name }
network-leave-button = Salir o retirar: { $name }
network-ask-title = Pedir a una organización
network-ask-button = Pedir unirse
network-asked = Solicitud enviada. El administrador de la otra parte tiene que confirmarla.
network-joined = Confirmado: la membresía está en vigor.
network-left = La membresía terminó.
network-report-link = Personas atendidas en toda la red
network-region-not-recorded = Región sin registrar
report-network-title = Personas atendidas en toda la red
report-network-explain = Personas atendidas por cada organización de la red de su agencia, en cada trimestre del año fiscal del estado, por organización y por región, y la tendencia de toda la red. Solo se muestran cifras; no se comparte el expediente de ninguna persona.
report-network-trend = La red, trimestre por trimestre
report-network-trend-caption = Personas atendidas por toda la red, nuevas y que continúan, por trimestre
report-network-by-org = Por organización
report-network-by-org-caption = Personas atendidas por cada organización, por trimestre
report-network-all = Todas las organizaciones de la red
report-network-by-region = Por región
report-network-by-region-caption = Personas atendidas por las organizaciones de cada región, por trimestre
report-region = Región
report-network-empty = Todavía no hay ninguna organización en la red.
report-network-served-explain = Personas atendidas: las distintas personas que recibieron al menos un servicio de la organización en el trimestre. Alguien atendido por dos organizaciones se cuenta en cada una.
report-network-members-explain = Solo se cuentan las organizaciones cuyo administrador confirmó la membresía; una organización que sale deja de aparecer.
home-network-detail = Cifras que comparten una agencia estatal y las organizaciones de su red: solo cuentas, nunca una persona.
