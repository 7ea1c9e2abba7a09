# cmake -P script: a manual page from a program's own --help and --version (help2man), plus
# the sections in INCLUDE, gzipped as Debian wants it. The help shows defaults resolved on
# the machine that runs it, so the page is made with HOME=~ and the build tree's plugin
# folder replaced by the installed one: a reader sees what an installed program says.
foreach(variable HELP2MAN PROGRAM NAME INCLUDE BUILD_PLUGIN_DIR INSTALLED_PLUGIN_DIR OUTPUT)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "${variable} is not set")
    endif()
endforeach()

get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env HOME=~ LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
        --unset=XDG_DATA_HOME --unset=XDG_CONFIG_HOME
        ${HELP2MAN} --no-info --section=1 --name=${NAME} --include=${INCLUDE} --output=${page}
        ${PROGRAM}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "help2man ${PROGRAM} failed (${result})")
endif()
file(READ "${page}" text)
string(REPLACE "${BUILD_PLUGIN_DIR}" "${INSTALLED_PLUGIN_DIR}" text "${text}")
get_filename_component(program_name "${PROGRAM}" NAME)
string(REPLACE "${PROGRAM}" "${program_name}" text "${text}")
file(WRITE "${page}" "${text}")
file(REMOVE "${OUTPUT}")
execute_process(COMMAND gzip -9n "${page}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip ${page} failed (${result})")
endif()
